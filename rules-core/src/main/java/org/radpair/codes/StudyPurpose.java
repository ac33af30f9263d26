package org.radpair.codes;

/** Whether a code is a screening study, a diagnostic one, or either depending on the indication (bone density). */
public enum StudyPurpose {
    SCREENING, DIAGNOSTIC, EITHER
}
