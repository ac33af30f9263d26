package org.radpair.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.radpair.claim.ClaimLine;
import org.radpair.claim.PayerType;
import org.radpair.claim.Sex;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdConventions;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.TsvReader;

/** DEMOGRAPHIC: studies and diagnoses that do not fit the patient's sex or age. */
public final class DemographicRules implements RuleFamily {

    private static final String KX = "CMS MLN Matters MM8359 (KX modifier for gender-specific services; condition code 45"
            + " on institutional claims)";

    static final RuleDefinition STUDY_SEX = new RuleDefinition("DEM-001", Category.DEMOGRAPHIC, Severity.ERROR,
            "RadPair CPT catalog (sex-specific studies); for Medicare " + KX, "The study does not fit the patient's sex");
    static final RuleDefinition DIAGNOSIS_SEX = new RuleDefinition("DEM-002", Category.DEMOGRAPHIC, Severity.ERROR,
            "ICD-10-CM Tabular List (diagnoses of one sex; table derived as in docs/data.md, after the CMS Medicare Code"
                    + " Editor sex edits, last published v41.1)", "The diagnosis does not fit the patient's sex");
    static final RuleDefinition AGE = new RuleDefinition("DEM-003", Category.DEMOGRAPHIC, Severity.WARNING,
            "CMS Medicare Code Editor v43.1 age conflicts (newborn 0, pediatric 0–17, maternity 9–64, adult 15–124)",
            "A diagnosis outside its MCE age range");
    static final RuleDefinition INFANT_STUDY = new RuleDefinition("DEM-004", Category.DEMOGRAPHIC, Severity.WARNING,
            "CPT code definitions (infant studies)", "An infant study for a patient aged 2 or more");
    static final RuleDefinition MEDICARE_SEX_SERVICE = new RuleDefinition("DEM-005", Category.DEMOGRAPHIC, Severity.WARNING,
            "42 CFR 410.34 (Medicare screening mammography: women); " + KX,
            "A service Medicare covers for one sex, billed for a patient of the other sex on record without KX");

    private static final Set<String> INFANT_STUDIES = Set.of("73092", "73592", "76506", "76885", "76886", "77076");

    private static final Map<String, Sex> MEDICARE_SEX_SERVICES = new HashMap<>();
    private static final Map<String, String> MEDICARE_SEX_BASIS = new HashMap<>();

    static {
        TsvReader.read("/org/radpair/rules/medicare_sex_specific_services.tsv", row -> {
            MEDICARE_SEX_SERVICES.put(row.get("cpt"), Sex.valueOf(row.get("sex")));
            MEDICARE_SEX_BASIS.put(row.get("cpt"), row.get("basis"));
        });
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(STUDY_SEX, DIAGNOSIS_SEX, AGE, INFANT_STUDY, MEDICARE_SEX_SERVICE);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        Sex sex = review.claim().patient().sex();
        Integer age = review.age();
        boolean medicare = review.claim().payer().type() == PayerType.MEDICARE;
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            if (study == null) {
                continue;
            }
            ClaimLine line = review.line(i);
            boolean kx = line.modifiers().stream().anyMatch(m -> "KX".equalsIgnoreCase(m.strip()));
            Sex medicareSex = medicare ? MEDICARE_SEX_SERVICES.get(study.code()) : null;
            if (sex != Sex.U && medicareSex != null && medicareSex != sex) {
                if (!kx) {
                    edits.add(MEDICARE_SEX_SERVICE.edit(i + 1, List.of(study.code()),
                            "Line " + (i + 1) + ": Medicare covers " + study.code() + " (" + study.label() + ") for "
                                    + word(medicareSex) + " patients (" + MEDICARE_SEX_BASIS.get(study.code()) + "); the"
                                    + " patient's sex on record is " + sex + ". If the service fits the patient (e.g. a"
                                    + " transgender patient whose sex on record differs), CMS asks for modifier KX on the"
                                    + " line (condition code 45 on an institutional claim); otherwise it is denied.",
                            Suggestion.addModifier(List.of("KX"))));
                }
            } else if (sex != Sex.U && study.sex() != null && study.sex() != sex && !(medicare && kx)) {
                edits.add(STUDY_SEX.edit(i + 1, List.of(study.code()),
                        "Line " + (i + 1) + ": " + study.code() + " (" + study.label() + ") is a " + word(study.sex())
                                + " study but the patient's sex is " + sex + "."
                                + (medicare ? " If the study fits the patient (sex on record differs from anatomy), Medicare"
                                        + " asks for modifier KX on the line (condition code 45 on an institutional claim)." : ""),
                        medicare ? Suggestion.addModifier(List.of("KX")) : null));
            }
            if (age != null && age >= 2 && INFANT_STUDIES.contains(study.code())) {
                edits.add(INFANT_STUDY.edit(i + 1, List.of(study.code()),
                        "Line " + (i + 1) + ": " + study.code() + " (" + study.label() + ") is for infants; the patient is "
                                + age + "."));
            }
        }
        IcdConventions conventions = review.reference().conventions();
        for (IcdLookup diagnosis : review.diagnoses()) {
            if (!diagnosis.billable()) {
                continue;
            }
            IcdConventions.CodeNotes notes = conventions.notes(diagnosis.code(), review.dateOfService());
            Sex fits = notes.sex();
            if (sex != Sex.U && fits != null && fits != sex) {
                edits.add(DIAGNOSIS_SEX.edit(null, List.of(diagnosis.code()),
                        diagnosis.code() + (diagnosis.description() == null ? "" : " (" + diagnosis.description() + ")")
                                + " applies only to " + word(fits) + " patients; the patient's sex is " + sex + "."));
            }
            IcdConventions.AgeRange range = notes.age();
            if (age != null && range != null && !range.fits(age)) {
                edits.add(AGE.edit(null, List.of(diagnosis.code()),
                        diagnosis.code() + (diagnosis.description() == null ? "" : " (" + diagnosis.description() + ")")
                                + " is on the Medicare Code Editor's " + range.list().toLowerCase(java.util.Locale.ROOT)
                                + " list (age " + (range.min() == range.max() ? String.valueOf(range.min())
                                        : range.min() + "–" + range.max()) + "); the patient is " + age
                                + ". Check the code and the birth date."));
            }
        }
    }

    private static String word(Sex sex) {
        return sex == Sex.F ? "female" : "male";
    }
}
