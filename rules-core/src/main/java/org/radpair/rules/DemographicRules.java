package org.radpair.rules;

import java.util.List;
import java.util.Set;

import org.radpair.claim.Sex;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdLookup;

/** DEMOGRAPHIC: studies and diagnoses that do not fit the patient's sex or age. */
public final class DemographicRules implements RuleFamily {

    private static final String MCE = "CMS Medicare Code Editor (sex and age conflicts); ICD-10-CM Tabular List";

    static final RuleDefinition STUDY_SEX = new RuleDefinition("DEM-001", Category.DEMOGRAPHIC, Severity.ERROR, MCE,
            "The study does not fit the patient's sex");
    static final RuleDefinition DIAGNOSIS_SEX = new RuleDefinition("DEM-002", Category.DEMOGRAPHIC, Severity.ERROR, MCE,
            "The diagnosis does not fit the patient's sex");
    static final RuleDefinition MATERNITY_AGE = new RuleDefinition("DEM-003", Category.DEMOGRAPHIC, Severity.WARNING,
            MCE + " (maternity diagnoses: age 9–64)", "A pregnancy diagnosis outside the maternity age range");
    static final RuleDefinition INFANT_STUDY = new RuleDefinition("DEM-004", Category.DEMOGRAPHIC, Severity.WARNING,
            "CPT code definitions (infant studies)", "An infant study for a patient aged 2 or more");

    private static final Set<String> INFANT_STUDIES = Set.of("73092", "73592", "76506", "76885", "76886", "77076");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(STUDY_SEX, DIAGNOSIS_SEX, MATERNITY_AGE, INFANT_STUDY);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        Sex sex = review.claim().patient().sex();
        Integer age = review.age();
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            if (study == null) {
                continue;
            }
            if (sex != Sex.U && study.sex() != null && study.sex() != sex) {
                edits.add(STUDY_SEX.edit(i + 1, List.of(study.code()),
                        "Line " + (i + 1) + ": " + study.code() + " (" + study.label() + ") is a " + word(study.sex())
                                + " study but the patient's sex is " + sex + "."));
            }
            if (age != null && age >= 2 && INFANT_STUDIES.contains(study.code())) {
                edits.add(INFANT_STUDY.edit(i + 1, List.of(study.code()),
                        "Line " + (i + 1) + ": " + study.code() + " (" + study.label() + ") is for infants; the patient is "
                                + age + "."));
            }
        }
        for (IcdLookup diagnosis : review.diagnoses()) {
            Sex fits = review.knowledge().sexOf(diagnosis.code());
            if (sex != Sex.U && fits != null && fits != sex) {
                edits.add(DIAGNOSIS_SEX.edit(null, List.of(diagnosis.code()),
                        diagnosis.code() + (diagnosis.description() == null ? "" : " (" + diagnosis.description() + ")")
                                + " applies only to " + word(fits) + " patients; the patient's sex is " + sex + "."));
            }
            if (age != null && diagnosis.code().startsWith("O") && (age < 9 || age > 64)) {
                edits.add(MATERNITY_AGE.edit(null, List.of(diagnosis.code()),
                        diagnosis.code() + " is a pregnancy code; the patient is " + age + ", outside the 9–64 maternity range."));
            }
        }
    }

    private static String word(Sex sex) {
        return sex == Sex.F ? "female" : "male";
    }
}
