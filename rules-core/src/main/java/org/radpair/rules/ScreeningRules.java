package org.radpair.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.radpair.claim.ClaimContext;
import org.radpair.claim.PayerType;
import org.radpair.claim.PriorStudy;
import org.radpair.claim.Purpose;
import org.radpair.claim.Smoking;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.StudyPurpose;

/** SCREENING: screening studies carry their Z-code first, no symptoms, eligible patients, and respect intervals. */
public final class ScreeningRules implements RuleFamily {

    private static final String GUIDELINE = "ICD-10-CM Official Guidelines I.C.21.c.5 (screening)";
    private static final String LUNG = "CMS NCD 210.14 (lung cancer screening with LDCT); USPSTF 2021 lung cancer screening";

    static final RuleDefinition Z_CODE_NOT_FIRST = new RuleDefinition("SCR-001", Category.SCREENING, Severity.ERROR,
            GUIDELINE, "A screening study without its screening Z-code first");
    static final RuleDefinition SYMPTOM_FIRST = new RuleDefinition("SCR-002", Category.SCREENING, Severity.ERROR,
            GUIDELINE + "; CMS NCD 220.4", "A sign or symptom first on a screening study: the study is diagnostic");
    static final RuleDefinition SYMPTOM_ALSO = new RuleDefinition("SCR-003", Category.SCREENING, Severity.WARNING,
            GUIDELINE, "A sign or symptom on a screening study, or a study ordered as diagnostic");
    static final RuleDefinition MISSING_REQUIRED = new RuleDefinition("SCR-004", Category.SCREENING, Severity.ERROR,
            LUNG, "A code the screening benefit requires is missing");
    static final RuleDefinition LUNG_ELIGIBILITY = new RuleDefinition("SCR-005", Category.SCREENING, Severity.ERROR,
            LUNG, "The patient does not meet lung cancer screening eligibility");
    static final RuleDefinition LUNG_UNDOCUMENTED = new RuleDefinition("SCR-006", Category.SCREENING, Severity.WARNING,
            LUNG, "Lung cancer screening eligibility is not documented");
    static final RuleDefinition SCREENING_CODE_ON_DIAGNOSTIC = new RuleDefinition("SCR-007", Category.SCREENING,
            Severity.WARNING, GUIDELINE, "A screening Z-code first on a diagnostic study");
    static final RuleDefinition BONE_DENSITY_SCREENING = new RuleDefinition("SCR-008", Category.SCREENING,
            Severity.WARNING, GUIDELINE + "; CMS NCD 150.3 (bone mass measurements)",
            "A bone density screening without Z13.820 first");
    static final RuleDefinition INTERVAL = new RuleDefinition("SCR-009", Category.SCREENING, Severity.WARNING,
            "42 CFR 410.34 (screening mammography); 42 CFR 410.31 (bone mass: 23 months); CMS NCD 210.14 (LDCT yearly); "
                    + "42 CFR 410.19 (AAA once); 42 CFR 410.37 (CT colonography) — rows of frequency.tsv",
            "A study repeated sooner than the payer's benefit allows");
    static final RuleDefinition AGE = new RuleDefinition("SCR-010", Category.SCREENING, Severity.WARNING,
            "42 CFR 410.34 (screening mammography from 35); 42 CFR 410.37 (colorectal screening from 45) — screening.tsv",
            "A screening study outside the ages Medicare covers");
    static final RuleDefinition SHARED_DECISION = new RuleDefinition("SCR-011", Category.SCREENING, Severity.INFO,
            LUNG + " (counselling and shared decision-making visit, G0296, before the first LDCT)",
            "The first lung cancer screening needs a shared decision-making visit first");

    /** Codes that are signs, symptoms or findings rather than a reason to screen. */
    private static final List<String> SIGNS = List.of("R", "N63", "N64.4", "N64.5", "M25.5", "M54", "M79.6");
    /**
     * Signs and symptoms (R00–R69 and the symptom codes of other chapters): beside the screening Z-code they make the
     * study diagnostic. Abnormal findings (R70–R94) are what a screening can discover and are coded as additional
     * diagnoses (guideline I.C.21.c.5), so they are not in this list.
     */
    private static final List<String> SYMPTOMS = List.of("R0", "R1", "R2", "R3", "R4", "R5", "R6", "N63", "N64.4",
            "N64.5", "M25.5", "M54", "M79.6");
    private static final List<String> SCREENING_Z = List.of("Z12", "Z13");
    private static final Set<String> BONE_DENSITY = Set.of("77078", "77080", "77081", "77085", "G0130", "76977");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(Z_CODE_NOT_FIRST, SYMPTOM_FIRST, SYMPTOM_ALSO, MISSING_REQUIRED, LUNG_ELIGIBILITY,
                LUNG_UNDOCUMENTED, SCREENING_CODE_ON_DIAGNOSTIC, BONE_DENSITY_SCREENING, INTERVAL, AGE, SHARED_DECISION);
    }

    static boolean isSign(String code) {
        return CodingKnowledge.startsWithAny(code, SIGNS);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            List<IcdLookup> pointed = review.pointedBy(i);
            if (study == null || pointed.isEmpty()) {
                continue;
            }
            CodingKnowledge.Screening screening = review.knowledge().screening(study.code());
            if (screening != null) {
                checkScreeningStudy(review, i + 1, study, screening, pointed, edits);
            } else if (study.purpose() == StudyPurpose.DIAGNOSTIC
                    && CodingKnowledge.startsWithAny(pointed.get(0).code(), SCREENING_Z)
                    && review.claim().context().priorBirads() == null) {
                edits.add(SCREENING_CODE_ON_DIAGNOSTIC.edit(i + 1, List.of(pointed.get(0).code(), study.code()),
                        "Line " + (i + 1) + ": " + study.code() + " (" + study.label() + ") is a diagnostic study but its first"
                                + " diagnosis " + pointed.get(0).code() + " is a screening code: list the sign, symptom or"
                                + " finding that called for it first, or bill the screening study."));
            }
            if (BONE_DENSITY.contains(study.code())) {
                checkBoneDensity(review, i + 1, study, pointed, edits);
            }
            checkInterval(review, i + 1, study, edits);
        }
    }

    private static void checkScreeningStudy(ClaimReview review, int number, CptCode study,
            CodingKnowledge.Screening screening, List<IcdLookup> pointed, List<Edit> edits) {
        String primary = pointed.get(0).code();
        String name = study.code() + " (" + study.label() + ")";
        Suggestion diagnostic = new Suggestion(SuggestionAction.REPLACE_CPT, study.code(), screening.diagnosticInstead());
        if (isSign(primary)) {
            edits.add(SYMPTOM_FIRST.edit(number, List.of(primary, study.code()),
                    "Line " + number + ": " + name + " is a screening study but its primary diagnosis " + primary
                            + " is a sign or finding: a study done for a symptom is diagnostic — bill "
                            + String.join(" or ", screening.diagnosticInstead()) + " instead.", diagnostic));
        } else if (!CodingKnowledge.startsWithAny(primary, screening.firstListed())) {
            String wanted = screening.firstListed().get(0);
            boolean onClaim = review.claimHasAny(List.of(wanted));
            edits.add(Z_CODE_NOT_FIRST.edit(number, List.of(primary, study.code()),
                    "Line " + number + ": " + name + " must list the screening code " + wanted + " first, not " + primary
                            + (onClaim ? " (it is on the claim: point the line to it first)." : "."),
                    onClaim ? new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, List.of(wanted))
                            : new Suggestion(SuggestionAction.ADD_CODE, null, List.of(wanted))));
        } else {
            List<String> signs = pointed.stream().skip(1).map(IcdLookup::code)
                    .filter(code -> CodingKnowledge.startsWithAny(code, SYMPTOMS)).toList();
            ClaimContext context = review.claim().context();
            if (!signs.isEmpty() || context.purpose() == Purpose.DIAGNOSTIC) {
                edits.add(SYMPTOM_ALSO.edit(number, signs.isEmpty() ? List.of(study.code()) : signs,
                        "Line " + number + ": " + name + " is billed as screening but "
                                + (signs.isEmpty() ? "the order says diagnostic"
                                        : "the line also points to " + String.join(", ", signs))
                                + ": if the study was done because of a symptom or finding it is diagnostic ("
                                + String.join(" or ", screening.diagnosticInstead()) + ").", diagnostic));
            }
        }
        if (!screening.alsoRequired().isEmpty() && !review.claimHasAny(screening.alsoRequired())) {
            edits.add(MISSING_REQUIRED.edit(number, List.of(study.code()),
                    "Line " + number + ": " + name + " needs one of " + String.join(", ", screening.alsoRequired())
                            + " on the claim (" + screening.reference() + ").",
                    new Suggestion(SuggestionAction.ADD_CODE, null, screening.alsoRequired())));
        }
        Integer age = review.age();
        if (review.claim().payer().type() == PayerType.MEDICARE && age != null
                && ((screening.medicareMinAge() != null && age < screening.medicareMinAge())
                        || (screening.medicareMaxAge() != null && age > screening.medicareMaxAge()))) {
            edits.add(AGE.edit(number, List.of(study.code()),
                    "Line " + number + ": Medicare covers " + name + " from age " + screening.medicareMinAge()
                            + (screening.medicareMaxAge() == null ? "" : " to " + screening.medicareMaxAge())
                            + "; the patient is " + age + " (" + screening.reference() + "): the patient may be liable only"
                            + " with a signed advance beneficiary notice (modifier GA)."));
        }
        if ("71271".equals(study.code())) {
            checkLungEligibility(review, number, edits);
            // Only for a screening that is otherwise in order: an ineligible or miscoded one has more pressing edits.
            boolean inOrder = edits.stream().noneMatch(e -> e.category() == Category.SCREENING && Integer.valueOf(number).equals(e.line()));
            if (review.claim().payer().type() == PayerType.MEDICARE && inOrder && review.history().studies().stream().noneMatch(prior -> prior.cpt().equals("71271")
                            && prior.dateOfService().isBefore(review.dateOfService()))) {
                edits.add(SHARED_DECISION.edit(number, List.of("71271"),
                        "Line " + number + ": RadPair knows no earlier lung cancer screening of this patient: Medicare pays"
                                + " the first one only after a counselling and shared decision-making visit (G0296), which"
                                + " the order must document."));
            }
        }
    }

    private static void checkLungEligibility(ClaimReview review, int number, List<Edit> edits) {
        boolean medicare = review.claim().payer().type() == PayerType.MEDICARE;
        int maxAge = medicare ? 77 : 80;
        Integer age = review.age();
        Smoking smoking = review.claim().context().smoking();
        List<String> reasons = new ArrayList<>();
        if (age != null && (age < 50 || age > maxAge)) {
            reasons.add("age " + age + " is outside 50–" + maxAge + (medicare ? " (Medicare)" : " (USPSTF)"));
        }
        if (smoking != null) {
            if (smoking.packYears() != null && smoking.packYears() < 20) {
                reasons.add(smoking.packYears() + " pack-years is under 20");
            }
            if (!Boolean.TRUE.equals(smoking.currentSmoker()) && smoking.yearsSinceQuit() != null
                    && smoking.yearsSinceQuit() > 15) {
                reasons.add("quit " + smoking.yearsSinceQuit() + " years ago, more than 15");
            }
        }
        if (!reasons.isEmpty()) {
            Edit edit = LUNG_ELIGIBILITY.edit(number, List.of("71271"),
                    "Line " + number + ": the patient is not eligible for lung cancer screening: " + String.join("; ", reasons) + ".");
            edits.add(medicare ? edit : downgrade(edit, Severity.WARNING));
            return;
        }
        if (age == null || smoking == null || smoking.packYears() == null
                || (!Boolean.TRUE.equals(smoking.currentSmoker()) && smoking.yearsSinceQuit() == null)) {
            edits.add(LUNG_UNDOCUMENTED.edit(number, List.of("71271"),
                    "Line " + number + ": lung cancer screening needs age 50–" + maxAge + ", 20 or more pack-years and"
                            + " current smoking or quitting within 15 years; send birthDate and context.smoking"
                            + " (packYears, currentSmoker, yearsSinceQuit) so RadPair can check them."));
        }
    }

    private static void checkBoneDensity(ClaimReview review, int number, CptCode study, List<IcdLookup> pointed,
            List<Edit> edits) {
        String primary = pointed.get(0).code();
        if (review.claim().context().purpose() == Purpose.SCREENING && !primary.startsWith("Z13.820")) {
            boolean onClaim = review.claimHasAny(List.of("Z13.820"));
            edits.add(BONE_DENSITY_SCREENING.edit(number, List.of(primary, study.code()),
                    "Line " + number + ": a screening bone density study (" + study.code() + ") lists Z13.820 first, not "
                            + primary + "; if it was done for a bone condition, order it as diagnostic.",
                    onClaim ? new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, List.of("Z13.820"))
                            : new Suggestion(SuggestionAction.ADD_CODE, null, List.of("Z13.820"))));
        }
    }

    private static void checkInterval(ClaimReview review, int number, CptCode study, List<Edit> edits) {
        Integer age = review.age();
        for (CodingKnowledge.Frequency limit : review.knowledge().frequencies()) {
            if (!limit.cpts().contains(study.code()) || !limit.appliesTo(review.claim().payer().type(), age)
                    || review.claimHasAny(limit.exemptIf())) {
                continue;
            }
            for (PriorStudy prior : review.history().studies()) {
                if (!limit.cpts().contains(prior.cpt()) || !prior.dateOfService().isBefore(review.dateOfService())) {
                    continue;
                }
                int months = monthIndex(review.dateOfService()) - monthIndex(prior.dateOfService());
                if (limit.intervalMonths() == null || months < limit.intervalMonths()) {
                    edits.add(INTERVAL.edit(number, List.of(study.code()),
                            "Line " + number + ": the patient had " + prior.cpt() + " on " + prior.dateOfService() + " (claim "
                                    + prior.claimId() + "); the payer covers " + limit.benefit() + " (" + limit.reference()
                                    + ")."));
                    return;
                }
            }
        }
    }

    private static int monthIndex(java.time.LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue();
    }

    static Edit downgrade(Edit edit, Severity severity) {
        return new Edit(edit.rule(), edit.category(), severity, edit.line(), edit.codes(), edit.message(),
                edit.suggestion(), edit.reference());
    }
}
