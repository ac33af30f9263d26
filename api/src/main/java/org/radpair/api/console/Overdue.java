package org.radpair.api.console;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How overdue an open finding is for its follow-up study, from the due date its finding family's window set when it was
 * opened (issue 19: Fleischner, ACR); each bucket is a range of due dates, so the dashboard's counts and the
 * worklist's filter agree.
 */
public enum Overdue {
    NOT_DUE("not-due", "Not yet due", -1, 0),
    UP_TO_3("0-3", "0–3 months overdue", 0, 3),
    UP_TO_6("3-6", "3–6 months overdue", 3, 6),
    UP_TO_12("6-12", "6–12 months overdue", 6, 12),
    OVER_12("12+", "Over 12 months overdue", 12, Integer.MAX_VALUE);

    private final String key;
    private final String label;
    private final int fromMonths;
    private final int toMonths;

    Overdue(String key, String label, int fromMonths, int toMonths) {
        this.key = key;
        this.label = label;
        this.fromMonths = fromMonths;
        this.toMonths = toMonths;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The bucket of a finding due on {@code due}. */
    static Overdue of(LocalDate due, LocalDate today) {
        if (due.isAfter(today)) {
            return NOT_DUE;
        }
        for (Overdue bucket : new Overdue[] {UP_TO_3, UP_TO_6, UP_TO_12}) {
            if (due.isAfter(today.minusMonths(bucket.toMonths))) {
                return bucket;
            }
        }
        return OVER_12;
    }

    /** The first due date of the bucket (null: no bound). */
    LocalDate dueOnOrAfter(LocalDate today) {
        if (this == NOT_DUE) {
            return today.plusDays(1);
        }
        return toMonths == Integer.MAX_VALUE ? null : today.minusMonths(toMonths).plusDays(1);
    }

    /** The last due date of the bucket (null: no bound). */
    LocalDate dueOnOrBefore(LocalDate today) {
        return this == NOT_DUE ? null : today.minusMonths(fromMonths);
    }

    static Overdue parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Overdue bucket : values()) {
            if (bucket.key.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return bucket;
            }
        }
        return null;
    }
}
