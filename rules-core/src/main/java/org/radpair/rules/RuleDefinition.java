package org.radpair.rules;

import java.util.List;

/** A rule's identity: stable id, category, default severity, citation and a one-line summary. */
public record RuleDefinition(String id, Category category, Severity severity, String citation, String summary) {

    public Edit edit(Integer line, List<String> codes, String message, Suggestion suggestion) {
        return new Edit(id, category, severity, line, codes, message, suggestion, citation);
    }

    public Edit edit(Integer line, List<String> codes, String message) {
        return edit(line, codes, message, null);
    }
}
