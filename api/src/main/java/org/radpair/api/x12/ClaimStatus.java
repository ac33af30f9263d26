package org.radpair.api.x12;

import java.util.Map;

import org.radpair.rules.Category;
import org.radpair.rules.Edit;

/**
 * One claim status of a 277CA (STC01, STC10 or STC11): a Health Care Claim Status Category Code (code source 507)
 * and a Health Care Claim Status Code (code source 508). What each rule category answers is the table in
 * docs/x12.md ("277CA claim statuses"); an ERROR edit rejects the claim, warnings and notes never do.
 */
public record ClaimStatus(String category, String code) {

    /** A2: acknowledgement/acceptance into adjudication system; 20: accepted for processing. */
    public static final ClaimStatus ACCEPTED = new ClaimStatus("A2", "20");
    /** A1: acknowledgement/receipt; 19: entity acknowledges receipt of claim/encounter (the batch and provider levels). */
    public static final ClaimStatus RECEIVED = new ClaimStatus("A1", "19");

    static final String MISSING = "A6";
    static final String INVALID = "A7";
    static final String RELATIONAL = "A8";

    static final String DIAGNOSIS = "255";
    static final String PRINCIPAL_DIAGNOSIS = "254";
    static final String PROCEDURE = "454";
    static final String MODIFIER = "453";
    static final String UNITS = "258";
    static final String DATE_OF_SERVICE = "187";
    static final String MEMBER_ID = "164";
    static final String GENDER_MISMATCH = "86";
    static final String MISSING_OR_INVALID = "21";

    static final ClaimStatus MISSING_MEMBER_ID = new ClaimStatus(MISSING, MEMBER_ID);
    static final ClaimStatus MISSING_DATE_OF_SERVICE = new ClaimStatus(MISSING, DATE_OF_SERVICE);
    static final ClaimStatus INVALID_DATE_OF_SERVICE = new ClaimStatus(INVALID, DATE_OF_SERVICE);
    static final ClaimStatus MISSING_DIAGNOSIS = new ClaimStatus(MISSING, DIAGNOSIS);
    static final ClaimStatus INVALID_DIAGNOSIS = new ClaimStatus(INVALID, DIAGNOSIS);
    static final ClaimStatus MISSING_PROCEDURE = new ClaimStatus(MISSING, PROCEDURE);
    /** A field out of the range the check accepts (bean validation of the mapped claim). */
    static final ClaimStatus INVALID_FIELD = new ClaimStatus(INVALID, MISSING_OR_INVALID);

    /** Each category's status; CODE_VALIDITY and CLAIM_STRUCTURE name the code kind by rule (below). */
    private static final Map<Category, ClaimStatus> BY_CATEGORY = Map.ofEntries(
            Map.entry(Category.CODE_VALIDITY, new ClaimStatus(INVALID, DIAGNOSIS)),
            Map.entry(Category.CLAIM_STRUCTURE, new ClaimStatus(INVALID, DIAGNOSIS)),
            Map.entry(Category.MEDICAL_NECESSITY, new ClaimStatus(RELATIONAL, DIAGNOSIS)),
            Map.entry(Category.SCREENING, new ClaimStatus(RELATIONAL, DIAGNOSIS)),
            Map.entry(Category.PRIMARY_DIAGNOSIS, new ClaimStatus(RELATIONAL, PRINCIPAL_DIAGNOSIS)),
            Map.entry(Category.BIRADS, new ClaimStatus(RELATIONAL, PRINCIPAL_DIAGNOSIS)),
            Map.entry(Category.MODIFIER, new ClaimStatus(RELATIONAL, MODIFIER)),
            Map.entry(Category.BUNDLING, new ClaimStatus(RELATIONAL, PROCEDURE)),
            Map.entry(Category.SYMPTOM_INTEGRAL, new ClaimStatus(RELATIONAL, DIAGNOSIS)),
            Map.entry(Category.DEMOGRAPHIC, new ClaimStatus(RELATIONAL, DIAGNOSIS)),
            Map.entry(Category.PAYMENT, new ClaimStatus(RELATIONAL, PROCEDURE)));

    /** Rules whose finding is a missing piece, a different code, or a different relation than their category's. */
    private static final Map<String, ClaimStatus> BY_RULE = Map.ofEntries(
            Map.entry("STR-002", new ClaimStatus(MISSING, DIAGNOSIS)),
            Map.entry("STR-004", new ClaimStatus(INVALID, PROCEDURE)),
            Map.entry("STR-006", new ClaimStatus(INVALID, UNITS)),
            Map.entry("STR-007", new ClaimStatus(RELATIONAL, PROCEDURE)),
            Map.entry("STR-008", new ClaimStatus(RELATIONAL, PROCEDURE)),
            Map.entry("STR-009", new ClaimStatus(RELATIONAL, PROCEDURE)),
            Map.entry("SCR-004", new ClaimStatus(MISSING, DIAGNOSIS)),
            Map.entry("MOD-008", new ClaimStatus(INVALID, MODIFIER)),
            Map.entry("DEM-001", new ClaimStatus(RELATIONAL, PROCEDURE)),
            Map.entry("DEM-002", new ClaimStatus(RELATIONAL, GENDER_MISMATCH)));

    /** The status an edit reports when it rejects a claim. */
    static ClaimStatus of(Edit edit) {
        ClaimStatus byRule = BY_RULE.get(edit.rule());
        if (byRule != null) {
            return byRule;
        }
        if (edit.category() == Category.CODE_VALIDITY && edit.rule().startsWith("CPT-")) {
            return new ClaimStatus(INVALID, PROCEDURE);
        }
        return BY_CATEGORY.get(edit.category());
    }

    boolean accepted() {
        return category.equals(ACCEPTED.category);
    }
}
