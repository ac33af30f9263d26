package org.radpair.rules;

public enum SuggestionAction {
    REPLACE_CODE,
    ADD_CODE,
    REMOVE_CODE,
    REORDER_DIAGNOSES,
    REPLACE_CPT,
    ADD_MODIFIER,
    REMOVE_MODIFIER,
    SPLIT_LINE
}
