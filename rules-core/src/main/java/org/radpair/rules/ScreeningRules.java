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
            "42 CFR 410.34 (screening mammography: 11 full months); 42 CFR 410.31 (bone mass: 23 months); CMS NCD 210.14 (LDCT yearly)",
            "A screening study repeated sooner than the benefit allows");

    /** Codes that are signs, symptoms or findings rather than a reason to screen. */
    private static final List<String> SIGNS = List.of("R", "N63", "N64.4", "N64.5", "M25.5", "M54", "M79.6");
    private static final List<String> SCREENING_Z = List.of("Z12", "Z13");
    private static final Set<String> BONE_DENSITY = Set.of("77078", "77080", "77081", "77085", "G0130");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(Z_CODE_NOT_FIRST, SYMPTOM_FIRST, SYMPTOM_ALSO, MISSING_REQUIRED, LUNG_ELIGIBILITY,
                LUNG_UNDOCUMENTED, SCREENING_CODE_ON_DIAGNOSTIC, BONE_DENSITY_SCREENING, INTERVAL);
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
            List<String> signs = pointed.stream().skip(1).map(IcdLookup::code).filter(ScreeningRules::isSign).toList();
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
                            + " (tobacco use or history) on the claim.",
                    new Suggestion(SuggestionAction.ADD_CODE, null, screening.alsoRequired())));
        }
        if ("71271".equals(study.code())) {
            checkLungEligibility(review, number, edits);
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
        int minimumMonths;
        String benefit;
        if (study.code().equals("77067")) {
            minimumMonths = 12;
            benefit = "screening mammography once 11 full months have passed after the month of the last one";
        } else if (study.code().equals("71271")) {
            minimumMonths = 12;
            benefit = "lung cancer screening once a year (11 full months after the month of the last one)";
        } else if (BONE_DENSITY.contains(study.code()) && review.claim().payer().type() == PayerType.MEDICARE
                && review.claim().context().purpose() == Purpose.SCREENING) {
            minimumMonths = 24;
            benefit = "bone mass measurement once every 23 months";
        } else {
            return;
        }
        for (PriorStudy prior : review.history().studies()) {
            if (!relatedStudy(prior.cpt(), study.code()) || !prior.dateOfService().isBefore(review.dateOfService())) {
                continue;
            }
            int months = monthIndex(review.dateOfService()) - monthIndex(prior.dateOfService());
            if (months < minimumMonths) {
                edits.add(INTERVAL.edit(number, List.of(study.code()),
                        "Line " + number + ": the patient had " + prior.cpt() + " on " + prior.dateOfService() + " (claim "
                                + prior.claimId() + "); the benefit covers " + benefit + "."));
                return;
            }
        }
    }

    private static boolean relatedStudy(String prior, String current) {
        return prior.equals(current) || (BONE_DENSITY.contains(prior) && BONE_DENSITY.contains(current));
    }

    private static int monthIndex(java.time.LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue();
    }

    static Edit downgrade(Edit edit, Severity severity) {
        return new Edit(edit.rule(), edit.category(), severity, edit.line(), edit.codes(), edit.message(),
                edit.suggestion(), edit.reference());
    }
}
