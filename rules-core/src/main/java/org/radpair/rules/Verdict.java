package org.radpair.rules;

import java.util.List;

public enum Verdict {
    PASS, WARN, FAIL;

    /** FAIL if any edit is an ERROR, else WARN if any is a WARNING, else PASS. */
    public static Verdict of(List<Edit> edits) {
        Verdict verdict = PASS;
        for (Edit edit : edits) {
            if (edit.severity() == Severity.ERROR) {
                return FAIL;
            }
            if (edit.severity() == Severity.WARNING) {
                verdict = WARN;
            }
        }
        return verdict;
    }
}
