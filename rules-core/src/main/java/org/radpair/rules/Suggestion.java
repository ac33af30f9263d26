package org.radpair.rules;

import java.util.List;

/**
 * A structured fix. {@code replace} is the code (or modifier) to take out, {@code with} what to put
 * in: the candidates for REPLACE_*, the codes or modifiers for ADD_*, the new order for
 * REORDER_DIAGNOSES.
 */
public record Suggestion(SuggestionAction action, String replace, List<String> with) {

    public Suggestion {
        with = with == null ? List.of() : List.copyOf(with);
    }

    public static Suggestion replaceCode(String code, List<String> candidates) {
        return new Suggestion(SuggestionAction.REPLACE_CODE, code, candidates);
    }

    public static Suggestion removeCode(String code) {
        return new Suggestion(SuggestionAction.REMOVE_CODE, code, List.of());
    }

    public static Suggestion addModifier(List<String> modifiers) {
        return new Suggestion(SuggestionAction.ADD_MODIFIER, null, modifiers);
    }
}
