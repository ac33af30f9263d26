package org.radpair.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.ReferenceData;

/** Runs every rule family over a claim. Stateless after construction; one instance serves all callers. */
public final class ClaimChecker {

    /** Bumped whenever a rule's behaviour changes, so audit rows say which rules judged them. */
    public static final String RULES_VERSION = "rules-2026.12.1";

    private static final Comparator<Edit> ORDER = Comparator
            .comparing((Edit e) -> e.line() == null ? 0 : e.line())
            .thenComparing(Edit::severity)
            .thenComparing(Edit::rule);

    private final ReferenceData reference;
    private final CodingKnowledge knowledge;
    private final List<RuleFamily> families;
    private final String rulesetVersion;

    public ClaimChecker(ReferenceData reference, CodingKnowledge knowledge, List<RuleFamily> families) {
        this.reference = reference;
        this.knowledge = knowledge;
        this.families = List.copyOf(families);
        this.rulesetVersion = RULES_VERSION + ";" + reference.version();
    }

    /** The rule families RadPair ships with. */
    public static ClaimChecker standard(ReferenceData reference) {
        return standard(reference, PayerPolicies.DEFAULT);
    }

    public static ClaimChecker standard(ReferenceData reference, PayerPolicies payers) {
        return new ClaimChecker(reference, CodingKnowledge.load(), List.of(
                new IcdCodeValidityRules(),
                new CptCodeValidityRules(),
                new ClaimStructureRules(),
                new MedicalNecessityRules(),
                new ScreeningRules(),
                new PrimaryDiagnosisRules(),
                new BiradsRules(),
                new ModifierRules(payers),
                new BundlingRules(),
                new SupplyAndAddOnRules(),
                new SymptomIntegralRules(),
                new DemographicRules(),
                new TabularConventionRules(),
                new PaymentRules()));
    }

    public CodingKnowledge knowledge() {
        return knowledge;
    }

    public ReferenceData reference() {
        return reference;
    }

    public List<RuleDefinition> rules() {
        return families.stream().flatMap(f -> f.rules().stream()).toList();
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    public CheckResult check(Claim claim) {
        return check(claim, ClaimHistory.NONE);
    }

    /** Checks a claim knowing the patient's history (findings, earlier studies). Never throws for any claim. */
    public CheckResult check(Claim claim, ClaimHistory history) {
        ClaimReview review = new ClaimReview(claim, history, reference, knowledge);
        List<Edit> edits = new ArrayList<>();
        for (RuleFamily family : families) {
            family.check(review, edits);
        }
        edits.sort(ORDER);
        return new CheckResult(Verdict.of(edits), List.copyOf(edits), lineResults(review), rulesetVersion);
    }

    private List<LineResult> lineResults(ClaimReview review) {
        List<ClaimLine> lines = review.claim().lines();
        List<LineResult> results = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            IcdLookup primary = review.primaryOf(i);
            Pairing pairing = primary == null || !primary.billable() ? Pairing.UNKNOWN
                    : knowledge.pairing(primary.code(), review.study(i));
            results.add(new LineResult(i + 1, lines.get(i).cpt(), primary == null ? null : primary.code(), pairing));
        }
        return results;
    }
}
