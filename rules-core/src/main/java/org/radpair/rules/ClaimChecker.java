package org.radpair.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimLine;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.ReferenceData;

/** Runs every rule family over a claim. Stateless after construction; one instance serves all callers. */
public final class ClaimChecker {

    /** Bumped whenever a rule's behaviour changes, so audit rows say which rules judged them. */
    public static final String RULES_VERSION = "rules-2026.11.1";

    private static final Comparator<Edit> ORDER = Comparator
            .comparing((Edit e) -> e.line() == null ? 0 : e.line())
            .thenComparing(Edit::severity)
            .thenComparing(Edit::rule);

    private final ReferenceData reference;
    private final List<RuleFamily> families;
    private final String rulesetVersion;

    public ClaimChecker(ReferenceData reference, List<RuleFamily> families) {
        this.reference = reference;
        this.families = List.copyOf(families);
        this.rulesetVersion = RULES_VERSION + ";" + reference.version();
    }

    /** The rule families RadPair ships with. */
    public static ClaimChecker standard(ReferenceData reference) {
        return new ClaimChecker(reference, List.of(
                new IcdCodeValidityRules(),
                new CptCodeValidityRules(),
                new ClaimStructureRules()));
    }

    public List<RuleDefinition> rules() {
        return families.stream().flatMap(f -> f.rules().stream()).toList();
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    public CheckResult check(Claim claim) {
        ClaimReview review = new ClaimReview(claim, reference);
        List<Edit> edits = new ArrayList<>();
        for (RuleFamily family : families) {
            family.check(review, edits);
        }
        edits.sort(ORDER);
        return new CheckResult(Verdict.of(edits), List.copyOf(edits), lineResults(review), rulesetVersion);
    }

    private static List<LineResult> lineResults(ClaimReview review) {
        List<ClaimLine> lines = review.claim().lines();
        List<LineResult> results = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            IcdLookup primary = line.diagnosisPointers().isEmpty() ? null : review.pointed(line.diagnosisPointers().get(0));
            results.add(new LineResult(i + 1, line.cpt(), primary == null ? null : primary.code(), Pairing.UNKNOWN));
        }
        return results;
    }
}
