package org.radpair.codes;

/** What the ICD-10-CM code set in force on a date of service says about a code. */
public enum IcdStatus {
    /** Present and valid for HIPAA submission on that date. */
    BILLABLE,
    /** Present as a category or subcategory header: more characters are needed. */
    HEADER,
    /** In the code set before the date of service, not any more. */
    DELETED,
    /** Only in the code set after the date of service. */
    NOT_YET_EFFECTIVE,
    /** Well formed but never part of any loaded release. */
    UNKNOWN,
    /** Not shaped like an ICD-10-CM code. */
    MALFORMED;

    public boolean billable() {
        return this == BILLABLE;
    }
}
