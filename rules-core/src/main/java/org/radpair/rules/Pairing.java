package org.radpair.rules;

/** Whether a line's primary diagnosis supports its study. UNKNOWN when the engine cannot tell. */
public enum Pairing {
    SUPPORTED, UNSUPPORTED, UNKNOWN
}
