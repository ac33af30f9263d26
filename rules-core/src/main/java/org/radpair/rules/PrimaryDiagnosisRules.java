package org.radpair.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.radpair.claim.ClaimContext;
import org.radpair.claim.PriorFinding;
import org.radpair.claim.Purpose;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdCodes;
import org.radpair.codes.IcdConventions;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.StudyPurpose;

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
            Severity.ERROR, "ICD-10-CM Official Guidelines I.A.13 (etiology/manifestation: code first the underlying"
                    + " condition), the Tabular List's \"code first\" notes, CMS Medicare Code Editor v43.1 manifestation list;"
                    + " status Z codes I.C.21.c.3",
            "A manifestation, a secondary-only code, or a code whose \"code first\" condition is on the claim, is first");
    static final RuleDefinition OBSERVATION_WITH_SYMPTOMS = new RuleDefinition("PDX-007", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, "ICD-10-CM Official Guidelines I.C.21.c.6 (Z03: only when no signs or symptoms)",
            "Z03.89 first while the claim has signs or symptoms");
    static final RuleDefinition RULE_OUT_CODED = new RuleDefinition("PDX-008", Category.PRIMARY_DIAGNOSIS,
            Severity.INFO, "ICD-10-CM Official Guidelines IV.H (outpatient: do not code rule-out conditions) and IV.K"
                    + " (diagnostic tests: code what the interpretation confirms)",
            "A rule-out study coded with the condition: right only if the report confirmed it");
    static final RuleDefinition EXTERNAL_CAUSE_FIRST = new RuleDefinition("PDX-009", Category.PRIMARY_DIAGNOSIS,
            Severity.ERROR, "ICD-10-CM Official Guidelines I.C.20 (external cause codes are never first-listed)",
            "An external-cause code (V00–Y99) is first-listed or a line's only diagnosis");
    static final RuleDefinition OBSERVATION_ONLY = new RuleDefinition("PDX-010", Category.PRIMARY_DIAGNOSIS,
            Severity.WARNING, "ICD-10-CM Official Guidelines IV.H and I.C.21.c.6 (observation Z03: code signs and symptoms)",
            "Z03.x is the only reason for a diagnostic study");
    static final RuleDefinition CODE_FIRST_NOTE = new RuleDefinition("PDX-011", Category.PRIMARY_DIAGNOSIS,
            Severity.INFO, "ICD-10-CM Tabular List \"code first\" notes; Official Guidelines I.A.13",
            "A first-listed code whose \"code first\" note asks for the underlying condition before it");

    /** How far back an open finding counts as what a new study of the same region may be following up. */
    private static final int INFERENCE_MONTHS = 13;

    @Override
    public List<RuleDefinition> rules() {
        return List.of(FINDING_FIRST, FINDING_MISSING, FOLLOW_UP_NOT_FIRST, FOLLOW_UP_UNKNOWN, OPEN_FINDING_NEARBY,
                NOT_FIRST_LISTED, OBSERVATION_WITH_SYMPTOMS, RULE_OUT_CODED, EXTERNAL_CAUSE_FIRST, OBSERVATION_ONLY,
                CODE_FIRST_NOTE);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        checkIncidentalFindings(review, edits);
        checkFollowUp(review, edits);
        checkPlacement(review, edits);
        checkExternalCause(review, edits);
        checkObservationOnly(review, edits);
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
        List<String> claimCodes = review.diagnoses().stream().map(IcdLookup::code).toList();
        IcdLookup first = review.diagnosis(0);
        checkFirstListed(review, first, null, claimCodes, edits);
        for (int i = 0; i < review.lineCount(); i++) {
            IcdLookup primary = review.primaryOf(i);
            if (primary != null && !primary.code().equals(first.code())) {
                checkFirstListed(review, primary, i + 1, claimCodes, edits);
            }
        }
        CodingKnowledge.PlacementRule rule = review.knowledge().placement(first.code());
        List<String> others = claimCodes.stream().skip(1).toList();
        if (rule != null && rule.restriction() == CodingKnowledge.Placement.NOT_WITH_SYMPTOMS) {
            List<String> signs = others.stream().filter(ScreeningRules::isSign).toList();
            if (!signs.isEmpty()) {
                edits.add(OBSERVATION_WITH_SYMPTOMS.edit(null, List.of(first.code(), signs.get(0)),
                        first.code() + " is first although the claim lists " + String.join(", ", signs) + ": the sign or"
                                + " symptom that prompted the study is the first-listed diagnosis, even when the study is normal.",
                        new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, reorder(others, first.code()))));
            }
        }
    }

    /**
     * One first-listed code (the claim's first diagnosis when {@code line} is null, else a line's primary): a
     * manifestation (MCE list, or a title "in diseases classified elsewhere"), a secondary-only code, or a code whose
     * "code first" note names a code the claim also has, stands first: ERROR. A code with an unconditional "code first
     * the underlying condition" note and no code it names on the claim: INFO. Conditional notes ("if applicable",
     * named circumstances) with none of their codes on the claim: nothing.
     */
    private static void checkFirstListed(ClaimReview review, IcdLookup code, Integer line, List<String> claimCodes,
            List<Edit> edits) {
        if (!code.billable()) {
            return;
        }
        IcdConventions.CodeNotes notes = review.reference().conventions().notes(code.code(), review.dateOfService());
        if (notes == null) {
            return;
        }
        String where = line == null ? "" : "Line " + line + ": ";
        List<String> others = claimCodes.stream().filter(c -> !c.equals(code.code())).toList();
        String etiology = null;
        IcdConventions.Note naming = null;
        for (IcdConventions.Note note : notes.codeFirst()) {
            for (String other : others) {
                String undotted = IcdCodes.undotted(other);
                if (undotted != null && note.covers(undotted)) {
                    etiology = other;
                    naming = note;
                    break;
                }
            }
            if (etiology != null) {
                break;
            }
        }
        boolean manifestation = notes.manifestation() || (code.description() != null
                && code.description().toLowerCase(Locale.ROOT).contains("in diseases classified elsewhere"));
        CodingKnowledge.PlacementRule rule = review.knowledge().placement(code.code());
        boolean secondaryOnly = rule != null && rule.restriction() == CodingKnowledge.Placement.SECONDARY_ONLY;
        IcdConventions.Note note = naming != null ? naming : notes.codeFirst().isEmpty() ? null : notes.codeFirst().get(0);
        String noteText = note == null ? "" : " Its \"code first\" note (at " + note.sits() + "): " + shorten(note.text()) + ".";
        if (etiology != null) {
            List<String> order = new ArrayList<>();
            order.add(etiology);
            for (String other : others) {
                if (!other.equals(order.get(0))) {
                    order.add(other);
                }
            }
            order.add(code.code());
            edits.add(NOT_FIRST_LISTED.edit(line, List.of(code.code(), etiology),
                    where + code.code() + " is listed before " + etiology + ", the condition its \"code first\" note names"
                            + " (at " + naming.sits() + ": " + shorten(naming.text()) + "): list " + etiology + " first.",
                    new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, order)));
        } else if (manifestation || secondaryOnly) {
            List<String> cited = note == null ? List.of() : note.cited(6);
            String why = manifestation
                    ? " is a manifestation code (CMS Medicare Code Editor; \"in diseases classified elsewhere\"): it is never"
                            + " first-listed; code the underlying condition (etiology) first." + noteText
                    : " (" + rule.note() + ") may only be a secondary diagnosis.";
            Suggestion suggestion;
            if (manifestation && !cited.isEmpty()) {
                suggestion = new Suggestion(SuggestionAction.ADD_CODE, null, cited);
            } else if (!others.isEmpty()) {
                suggestion = new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, reorder(others, code.code()));
            } else {
                suggestion = null;
            }
            edits.add(NOT_FIRST_LISTED.edit(line, List.of(code.code()), where + code.code() + why
                    + (manifestation && !cited.isEmpty() ? " Add the etiology (e.g. " + String.join(", ", cited) + ") before it."
                            : others.isEmpty() ? " Add the reason for the study first." : " List " + others.get(0) + " first."),
                    suggestion));
        } else if (notes.hasStrictCodeFirst()) {
            IcdConventions.Note strict = notes.codeFirst().stream().filter(n -> "STRICT".equals(n.flag())).findFirst().orElseThrow();
            List<String> cited = strict.cited(6);
            edits.add(CODE_FIRST_NOTE.edit(line, List.of(code.code()),
                    where + code.code() + " is first-listed; its \"code first\" note (at " + strict.sits() + ") asks for the "
                            + shorten(strict.text()) + " before it. If the record names that condition, code it first.",
                    cited.isEmpty() ? null : new Suggestion(SuggestionAction.ADD_CODE, null, cited)));
        }
    }

    /** Note text for a message: the first lines of a long "such as" list. */
    static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, text.lastIndexOf(" / ", 160) < 0 ? 160
                : text.lastIndexOf(" / ", 160)) + " …";
    }

    /** External-cause codes (chapter 20, V00–Y99). */
    static boolean isExternalCause(String code) {
        if (code.isEmpty()) {
            return false;
        }
        char c = code.charAt(0);
        return c == 'V' || c == 'W' || c == 'X' || c == 'Y';
    }

    private static void checkExternalCause(ClaimReview review, List<Edit> edits) {
        if (review.diagnosisCount() == 0) {
            return;
        }
        List<String> claimCodes = review.diagnoses().stream().map(IcdLookup::code).toList();
        List<String> conditions = claimCodes.stream().filter(c -> !isExternalCause(c)).toList();
        IcdLookup first = review.diagnosis(0);
        if (first.billable() && isExternalCause(first.code())) {
            edits.add(externalCauseEdit(null, first.code(), conditions, claimCodes));
        }
        for (int i = 0; i < review.lineCount(); i++) {
            IcdLookup primary = review.primaryOf(i);
            if (primary != null && primary.billable() && isExternalCause(primary.code()) && !primary.code().equals(first.code())) {
                edits.add(externalCauseEdit(i + 1, primary.code(), conditions, claimCodes));
            }
        }
    }

    private static Edit externalCauseEdit(Integer line, String code, List<String> conditions, List<String> claimCodes) {
        String where = line == null ? "" : "Line " + line + ": ";
        List<String> order = new ArrayList<>(conditions);
        claimCodes.stream().filter(PrimaryDiagnosisRules::isExternalCause).forEach(order::add);
        return EXTERNAL_CAUSE_FIRST.edit(line, List.of(code),
                where + code + " is an external-cause code (how or where an injury happened): it is never first-listed."
                        + (conditions.isEmpty() ? " Code the injury or condition the study was for first, and keep " + code
                                + " after it." : " List the injury or condition first (" + conditions.get(0) + ") and " + code
                                + " after it.") + (line == null ? "" : " Point the line to the injury first."),
                conditions.isEmpty() ? null : new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, order));
    }

    /** A diagnostic study whose only reason is an observation code (Z03.x). */
    private static void checkObservationOnly(ClaimReview review, List<Edit> edits) {
        for (int i = 0; i < review.lineCount(); i++) {
            List<IcdLookup> pointed = review.pointedBy(i);
            CptCode study = review.study(i);
            if (pointed.isEmpty() || study == null || study.purpose() == StudyPurpose.SCREENING
                    || review.claim().context().purpose() == Purpose.SCREENING) {
                continue;
            }
            if (pointed.stream().allMatch(d -> d.code().startsWith("Z03."))) {
                String code = pointed.get(0).code();
                edits.add(OBSERVATION_ONLY.edit(i + 1, List.of(code),
                        "Line " + (i + 1) + ": " + code + " (observation for a suspected condition ruled out) is the only"
                                + " reason given for " + study.code() + ": for an outpatient diagnostic study, code the signs or"
                                + " symptoms that prompted it (or the confirmed finding); Z03 is only for the rare case with none."));
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
        if (first.billable() && chapter != 'R' && chapter != 'Z' && !ScreeningRules.isSign(first.code())
                && !isExternalCause(first.code())) {
            edits.add(RULE_OUT_CODED.edit(null, List.of(first.code()),
                    "The study was ordered to rule out a condition and " + first.code() + " codes it as present: correct if"
                            + " the interpretation confirmed it (guideline IV.K: code what the final report confirms); if the"
                            + " report did not confirm it, code the signs or symptoms that prompted the study instead"
                            + " (guideline IV.H: do not code \"rule out\" conditions)."));
        }
    }
}
