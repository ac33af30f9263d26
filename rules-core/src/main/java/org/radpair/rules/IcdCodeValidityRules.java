package org.radpair.rules;

import java.util.List;

import org.radpair.codes.IcdLookup;
import org.radpair.codes.IcdRelease;

/** CODE_VALIDITY for ICD-10-CM: every diagnosis must be a billable code on the date of service. */
public final class IcdCodeValidityRules implements RuleFamily {

    private static final String CODE_SET = "HIPAA code sets, 45 CFR 162.1002; ICD-10-CM Tabular List";
    private static final String IN_FORCE = "45 CFR 162.1002 (the code set in force on the date of service); "
            + "NCHS ICD-10-CM conversion table FY2026";

    static final RuleDefinition MALFORMED = new RuleDefinition("ICD-001", Category.CODE_VALIDITY, Severity.ERROR,
            CODE_SET, "Diagnosis is not shaped like an ICD-10-CM code");
    static final RuleDefinition UNKNOWN = new RuleDefinition("ICD-002", Category.CODE_VALIDITY, Severity.ERROR,
            CODE_SET, "Diagnosis is not in any ICD-10-CM release");
    static final RuleDefinition HEADER = new RuleDefinition("ICD-003", Category.CODE_VALIDITY, Severity.ERROR,
            "ICD-10-CM Official Guidelines I.B.2 (report codes to the highest number of characters available)",
            "Diagnosis is a category header: more characters are required");
    static final RuleDefinition DELETED = new RuleDefinition("ICD-004", Category.CODE_VALIDITY, Severity.ERROR,
            IN_FORCE, "Diagnosis was deleted before the date of service");
    static final RuleDefinition NOT_YET_EFFECTIVE = new RuleDefinition("ICD-005", Category.CODE_VALIDITY,
            Severity.ERROR, IN_FORCE, "Diagnosis only takes effect after the date of service");
    static final RuleDefinition OUTSIDE_RELEASES = new RuleDefinition("ICD-006", Category.CODE_VALIDITY,
            Severity.INFO, "ICD-10-CM releases loaded in RadPair (see rulesetVersion)",
            "Date of service outside the loaded ICD-10-CM releases: checked against the nearest one");

    /** Enough candidates to choose from without flooding the message; the look-up endpoint lists all. */
    private static final int MAX_CANDIDATES = 12;

    @Override
    public List<RuleDefinition> rules() {
        return List.of(MALFORMED, UNKNOWN, HEADER, DELETED, NOT_YET_EFFECTIVE, OUTSIDE_RELEASES);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        for (int i = 0; i < review.diagnosisCount(); i++) {
            Edit edit = edit(i + 1, review.diagnosis(i));
            if (edit != null) {
                edits.add(edit);
            }
        }
        IcdRelease release = review.reference().icd10().releaseFor(review.claim().dateOfService());
        if (!release.covers(review.claim().dateOfService())) {
            edits.add(OUTSIDE_RELEASES.edit(null, List.of(),
                    "Date of service " + review.claim().dateOfService() + " is outside the ICD-10-CM releases RadPair has ("
                            + review.reference().icd10().releases().get(0).effectiveFrom() + " to "
                            + review.reference().icd10().newestRelease().effectiveToExclusive().minusDays(1)
                            + "); the diagnoses were checked against release " + release.label() + "."));
        }
    }

    private static Edit edit(int position, IcdLookup code) {
        String name = "Diagnosis " + position + " (" + code.code() + ")";
        return switch (code.status()) {
            case BILLABLE -> null;
            case MALFORMED -> MALFORMED.edit(null, List.of(code.code()),
                    name + " is not an ICD-10-CM code: expected a letter, a digit, a letter or digit, then up to "
                            + "four more characters after the dot (e.g. R51.9).");
            case UNKNOWN -> UNKNOWN.edit(null, List.of(code.code()),
                    name + " does not exist in any ICD-10-CM release from FY2019 on.");
            case HEADER -> HEADER.edit(null, List.of(code.code()),
                    name + " is a category heading, not a billable code, on the date of service"
                            + (code.description() == null ? "" : " (" + code.description() + ")")
                            + ": report one of its " + code.children().size() + " billable codes"
                            + listed(code.children()) + ".",
                    code.children().isEmpty() ? null
                            : Suggestion.replaceCode(code.code(), first(code.children())));
            case DELETED -> DELETED.edit(null, List.of(code.code()),
                    name + " was deleted from ICD-10-CM on " + code.validTo().plusDays(1)
                            + " and is not valid on the date of service"
                            + (code.replacedBy().isEmpty() ? "; the conversion table names no direct replacement."
                                    : "; it was replaced by" + listed(code.replacedBy()) + "."),
                    code.replacedBy().isEmpty() ? null : Suggestion.replaceCode(code.code(), first(code.replacedBy())));
            case NOT_YET_EFFECTIVE -> NOT_YET_EFFECTIVE.edit(null, List.of(code.code()),
                    name + " only takes effect on " + code.validFrom() + ", after the date of service"
                            + (code.previousCodes().isEmpty() ? "."
                                    : "; before then the code was" + listed(code.previousCodes()) + "."),
                    code.previousCodes().isEmpty() ? null
                            : Suggestion.replaceCode(code.code(), first(code.previousCodes())));
        };
    }

    private static List<String> first(List<String> codes) {
        return codes.size() <= MAX_CANDIDATES ? codes : codes.subList(0, MAX_CANDIDATES);
    }

    private static String listed(List<String> codes) {
        if (codes.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", first(codes));
        return " " + shown + (codes.size() > MAX_CANDIDATES ? ", …" : "");
    }
}
