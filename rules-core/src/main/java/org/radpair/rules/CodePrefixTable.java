package org.radpair.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.radpair.codes.IcdCodes;

/**
 * A table keyed by ICD-10-CM code prefixes, read with the longest prefix that matches (so that
 * {@code M54.5} overrides {@code M54}, which overrides {@code M}). Keys are stored undotted.
 */
final class CodePrefixTable<V> {

    private final Map<String, V> byPrefix = new HashMap<>();
    /** Codes repeat across claims: each code's answer is computed once (bounded by the code set's size). */
    private final Map<String, Optional<V>> answers = new ConcurrentHashMap<>();
    private int longest;
    private static final int MAX_ANSWERS = 200_000;

    void put(String dottedPrefix, V value) {
        String key = dottedPrefix.replace(".", "");
        byPrefix.put(key, value);
        longest = Math.max(longest, key.length());
    }

    /** The value of the longest prefix of the (dotted or undotted) code, or null. */
    V match(String code) {
        if (code == null) {
            return null;
        }
        Optional<V> known = answers.get(code);
        if (known == null) {
            known = Optional.ofNullable(longestMatch(code));
            if (answers.size() < MAX_ANSWERS) {
                answers.put(code, known);
            }
        }
        return known.orElse(null);
    }

    private V longestMatch(String code) {
        String undotted = IcdCodes.undotted(code);
        if (undotted == null) {
            return null;
        }
        for (int length = Math.min(longest, undotted.length()); length >= 1; length--) {
            V value = byPrefix.get(undotted.substring(0, length));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    Map<String, V> entries() {
        return Map.copyOf(byPrefix);
    }
}
