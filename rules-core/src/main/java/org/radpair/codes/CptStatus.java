package org.radpair.codes;

/** What RadPair knows of a procedure code on a date of service. */
public enum CptStatus {
    /** In the imaging catalog (CMS CY2025 fee schedule). */
    CATALOGUED,
    /** A HCPCS Level II code (contrast, radiopharmaceutical, imaging G-code) known by its 2020 description only, without dates. */
    LEVEL_II_DESCRIBED,
    /** Deleted before the date of service; the replacement is named. */
    DELETED,
    /** Well formed but not a code RadPair knows. */
    UNKNOWN,
    /** Not five letters or digits. */
    MALFORMED
}
