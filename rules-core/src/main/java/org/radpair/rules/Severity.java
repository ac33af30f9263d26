package org.radpair.rules;

/** ERROR: the payer will deny or reject. WARNING: denial risk, review. INFO: worth knowing. */
public enum Severity {
    ERROR, WARNING, INFO
}
