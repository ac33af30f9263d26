package org.radpair.findings;

/** OPEN until the study that evaluates it (FOLLOWED_UP) or a billing manager's decision (CLOSED). */
public enum FindingStatus {
    OPEN, FOLLOWED_UP, CLOSED
}
