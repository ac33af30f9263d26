package org.radpair.codes;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation of ICD-10-CM code strings: with or without the dot, any case, surrounding spaces. */
public final class IcdCodes {

    /** A letter, a digit, an alphanumeric, then up to four more alphanumerics (the dotted part). */
    private static final Pattern UNDOTTED = Pattern.compile("[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}");

    private IcdCodes() {
    }

    /**
     * Returns the code without its dot, upper case, or {@code null} when the text cannot be an
     * ICD-10-CM code (wrong shape, a dot in the wrong place, stray characters).
     */
    public static String undotted(String raw) {
        if (raw == null) {
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        int dot = code.indexOf('.');
        if (dot >= 0) {
            if (dot != 3 || code.indexOf('.', dot + 1) >= 0 || code.length() == 4) {
                return null;
            }
            code = code.substring(0, 3) + code.substring(4);
        }
        return UNDOTTED.matcher(code).matches() ? code : null;
    }

    /** The dotted form of an undotted code ({@code R519} becomes {@code R51.9}). */
    public static String dotted(String undotted) {
        return undotted.length() <= 3 ? undotted : undotted.substring(0, 3) + '.' + undotted.substring(3);
    }

    /** The dotted upper-case form of any accepted spelling, or the stripped input when it is malformed. */
    public static String display(String raw) {
        String undotted = undotted(raw);
        if (undotted != null) {
            return dotted(undotted);
        }
        return raw == null ? "" : raw.strip();
    }
}
