package org.radpair.codes;

/** Contrast use as the code defines it. */
public enum Contrast {
    NONE, WITH, WITHOUT_THEN_WITH
}
