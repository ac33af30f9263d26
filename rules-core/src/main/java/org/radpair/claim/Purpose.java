package org.radpair.claim;

/** Why the study was done, as far as coding is concerned. */
public enum Purpose {
    SCREENING, DIAGNOSTIC, FOLLOW_UP
}
