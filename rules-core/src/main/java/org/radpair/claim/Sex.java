package org.radpair.claim;

/** Administrative sex as billed: female, male, unknown. */
public enum Sex {
    F, M, U
}
