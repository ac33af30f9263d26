package org.radpair.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.radpair.claim.ClaimContext;
import org.radpair.claim.PriorFinding;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdCodes;
import org.radpair.codes.IcdLookup;

/**
 * PRIMARY_DIAGNOSIS: the first-listed code is why the study was ordered. Incidental findings are
 * secondary on the study that found them and first on the study that follows them up; some codes may
 * not stand first at all.
 */
public final class PrimaryDiagnosisRules implements RuleFamily {

    private static final String INDICATION = "ICD-10-CM Official Guidelines IV.A and IV.K (first-listed: the reason for the study); "
            + "AHA Coding Clinic on incidental findings";

    static final RuleDefinition FINDING_FIRST = new RuleDefinition("PDX-001", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, INDICATION, "An incidental finding is first on the study that found it");
    static final RuleDefinition FINDING_MISSING = new RuleDefinition("PDX-002", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, INDICATION, "An incidental finding is not on the claim that found it");
    static final RuleDefinition FOLLOW_UP_NOT_FIRST = new RuleDefinition("PDX-003", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, INDICATION, "A follow-up study does not list the finding it evaluates first");
    static final RuleDefinition FOLLOW_UP_UNKNOWN = new RuleDefinition("PDX-004", Category.PRIMARY_DIAGNOSIS,
            Severity.INFO, INDICATION, "The claim followed up opened no finding RadPair knows of");
    static final RuleDefinition OPEN_FINDING_NEARBY = new RuleDefinition("PDX-005", Category.PRIMARY_DIAGNOSIS,
            Severity.INFO, INDICATION, "An open finding of the same body region may be what this study follows up");
    static final RuleDefinition NOT_FIRST_LISTED = new RuleDefinition("PDX-006", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, "ICD-10-CM Official Guidelines I.A.13 (code first the underlying condition) and I.C.21.c.16",
            "A code that may not be first-listed is first");
    static final RuleDefinition OBSERVATION_WITH_SYMPTOMS = new RuleDefinition("PDX-007", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, "ICD-10-CM Official Guidelines I.C.21.c.6 (Z03: only when no signs or symptoms)",
            "Z03.89 first while the claim has signs or symptoms");
    static final RuleDefinition RULE_OUT_CODED = new RuleDefinition("PDX-008", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, "ICD-10-CM Official Guidelines IV.H (outpatient: do not code rule-out conditions)",
            "A rule-out study coded with the condition being ruled out");

    /** How far back an open finding counts as what a new study of the same region may be following up. */
    private static final int INFERENCE_MONTHS = 13;

    @Override
    public List<RuleDefinition> rules() {
        return List.of(FINDING_FIRST, FINDING_MISSING, FOLLOW_UP_NOT_FIRST, FOLLOW_UP_UNKNOWN, OPEN_FINDING_NEARBY,
                NOT_FIRST_LISTED, OBSERVATION_WITH_SYMPTOMS, RULE_OUT_CODED);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        checkIncidentalFindings(review, edits);
        checkFollowUp(review, edits);
        checkPlacement(review, edits);
        checkRuleOut(review, edits);
    }

    private static void checkIncidentalFindings(ClaimReview review, List<Edit> edits) {
        List<String> claimCodes = review.diagnoses().stream().map(IcdLookup::code).toList();
        for (String raw : review.claim().context().incidentalFindings()) {
            String finding = IcdCodes.display(raw);
            if (!claimCodes.contains(finding)) {
                edits.add(FINDING_MISSING.edit(null, List.of(finding),
                        "The incidental finding " + finding + " belongs on this claim as a secondary diagnosis: the study"
                                + " that found it reports it, and its follow-up study will list it first.",
                        new Suggestion(SuggestionAction.ADD_CODE, null, List.of(finding))));
                continue;
            }
            for (int i = 0; i < review.lineCount(); i++) {
                IcdLookup primary = review.primaryOf(i);
                if (primary != null && primary.code().equals(finding)) {
                    List<String> order = new ArrayList<>(review.pointedBy(i).stream().map(IcdLookup::code)
                            .filter(code -> !code.equals(finding)).toList());
                    order.add(finding);
                    edits.add(FINDING_FIRST.edit(i + 1, List.of(finding),
                            "Line " + (i + 1) + ": " + finding + " is an incidental finding of this study, yet it is the"
                                    + " line's first diagnosis; list first the reason the study was ordered"
                                    + (order.size() > 1 ? " (" + order.get(0) + ")" : "") + " and the finding after it.",
                            new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, order)));
                }
            }
        }
    }

    private static void checkFollowUp(ClaimReview review, List<Edit> edits) {
        ClaimContext context = review.claim().context();
        String followUpOf = context.followUpOf();
        if (followUpOf != null && !followUpOf.isBlank()) {
            List<PriorFinding> evaluated = review.history().findings().stream()
                    .filter(f -> followUpOf.equals(f.openedBy())).toList();
            if (evaluated.isEmpty()) {
                edits.add(FOLLOW_UP_UNKNOWN.edit(null, List.of(),
                        "The claim followed up (" + followUpOf + ") opened no incidental finding RadPair knows of for this"
                                + " patient, so the first-listed code could not be checked against it."));
                return;
            }
            if (evaluated.stream().noneMatch(f -> firstListedSomewhere(review, f.code()))) {
                PriorFinding finding = evaluated.get(0);
                boolean onClaim = review.diagnoses().stream().anyMatch(d -> d.code().equals(finding.code()));
                edits.add(FOLLOW_UP_NOT_FIRST.edit(null, List.of(finding.code()),
                        "This study follows up " + finding.code() + ", found on claim " + finding.openedBy() + " ("
                                + finding.openedOn() + "): list " + finding.code() + " first — a follow-up study is"
                                + " coded with the finding it evaluates, not the original symptom.",
                        onClaim ? new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, List.of(finding.code()))
                                : new Suggestion(SuggestionAction.ADD_CODE, null, List.of(finding.code()))));
            }
            return;
        }
        LocalDate earliest = review.dateOfService().minusMonths(INFERENCE_MONTHS);
        for (PriorFinding finding : review.history().findings()) {
            if (!finding.open() || finding.openedOn().isBefore(earliest) || !finding.openedOn().isBefore(review.dateOfService())
                    || firstListedSomewhere(review, finding.code())) {
                continue;
            }
            for (int i = 0; i < review.lineCount(); i++) {
                CptCode study = review.study(i);
                if (study != null && study.regions().stream().anyMatch(r -> finding.regions().contains(r.name()))) {
                    edits.add(OPEN_FINDING_NEARBY.edit(i + 1, List.of(finding.code()),
                            "Line " + (i + 1) + ": the patient has an open incidental finding " + finding.code() + " from claim "
                                    + finding.openedBy() + " (" + finding.openedOn() + ") in the region this study images;"
                                    + " if this is its follow-up, list " + finding.code() + " first and send followUpOf."));
                    break;
                }
            }
        }
    }

    private static boolean firstListedSomewhere(ClaimReview review, String code) {
        if (review.diagnosisCount() > 0 && review.diagnosis(0).code().equals(code)) {
            return true;
        }
        for (int i = 0; i < review.lineCount(); i++) {
            IcdLookup primary = review.primaryOf(i);
            if (primary != null && primary.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static void checkPlacement(ClaimReview review, List<Edit> edits) {
        if (review.diagnosisCount() == 0) {
            return;
        }
        IcdLookup first = review.diagnosis(0);
        CodingKnowledge.PlacementRule rule = review.knowledge().placement(first.code());
        boolean manifestation = first.description() != null
                && first.description().toLowerCase(Locale.ROOT).contains("in diseases classified elsewhere");
        List<String> others = review.diagnoses().stream().skip(1).map(IcdLookup::code).toList();
        if (manifestation || (rule != null && rule.restriction() == CodingKnowledge.Placement.SECONDARY_ONLY)) {
            edits.add(NOT_FIRST_LISTED.edit(null, List.of(first.code()),
                    first.code() + (manifestation ? " is a manifestation code (\"in diseases classified elsewhere\"): code"
                            + " the underlying condition first." : " (" + rule.note() + ") may only be a secondary diagnosis.")
                            + (others.isEmpty() ? " Add the reason for the study first." : " List " + others.get(0) + " first."),
                    others.isEmpty() ? null : new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, reorder(others, first.code()))));
        } else if (rule != null && rule.restriction() == CodingKnowledge.Placement.NOT_WITH_SYMPTOMS) {
            List<String> signs = others.stream().filter(ScreeningRules::isSign).toList();
            if (!signs.isEmpty()) {
                edits.add(OBSERVATION_WITH_SYMPTOMS.edit(null, List.of(first.code(), signs.get(0)),
                        first.code() + " is first although the claim lists " + String.join(", ", signs) + ": the sign or"
                                + " symptom that prompted the study is the first-listed diagnosis, even when the study is normal.",
                        new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, reorder(others, first.code()))));
            }
        }
    }

    private static List<String> reorder(List<String> others, String demoted) {
        List<String> order = new ArrayList<>(others);
        order.add(demoted);
        return order;
    }

    private static void checkRuleOut(ClaimReview review, List<Edit> edits) {
        if (!review.claim().context().ruleOut() || review.diagnosisCount() == 0) {
            return;
        }
        IcdLookup first = review.diagnosis(0);
        char chapter = first.code().isEmpty() ? ' ' : first.code().charAt(0);
        if (first.billable() && chapter != 'R' && chapter != 'Z' && !ScreeningRules.isSign(first.code())) {
            edits.add(RULE_OUT_CODED.edit(null, List.of(first.code()),
                    "The study was done to rule out a condition, yet " + first.code() + " codes it as confirmed: in outpatient"
                            + " coding, report the signs or symptoms that prompted the study instead."));
        }
    }
}
