package org.radpair.codes;


/** Normalisation of ICD-10-CM code strings: with or without the dot, any case, surrounding spaces. */
public final class IcdCodes {


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
        String code = raw.strip();
        int length = code.length();
        int dot = code.indexOf('.');
        int characters = dot < 0 ? length : length - 1;
        if (characters < 3 || characters > 7
                || (dot >= 0 && (dot != 3 || length == 4 || code.indexOf('.', dot + 1) >= 0))) {
            return null;
        }
        // Hand-written rather than a regex: it runs for every code of every claim, and allocates
        // nothing when the code is already undotted upper case.
        boolean asIs = dot < 0;
        int position = 0;
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c == '.') {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                asIs = false;
                c = (char) (c - ('a' - 'A'));
            }
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (position == 0 ? !letter : position == 1 ? !digit : !(letter || digit)) {
                return null;
            }
            position++;
        }
        if (asIs) {
            return code;
        }
        char[] undotted = new char[characters];
        int next = 0;
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c != '.') {
                undotted[next++] = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
            }
        }
        return new String(undotted);
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
