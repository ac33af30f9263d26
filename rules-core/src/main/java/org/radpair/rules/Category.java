package org.radpair.rules;

/** The contract's edit categories (fixed vocabulary). */
public enum Category {
    CODE_VALIDITY,
    CLAIM_STRUCTURE,
    MEDICAL_NECESSITY,
    SCREENING,
    PRIMARY_DIAGNOSIS,
    BIRADS,
    MODIFIER,
    BUNDLING,
    SYMPTOM_INTEGRAL,
    DEMOGRAPHIC,
    PAYMENT
}
