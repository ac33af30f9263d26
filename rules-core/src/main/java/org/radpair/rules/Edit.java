package org.radpair.rules;

import java.util.List;

/**
 * One finding about a claim.
 *
 * @param rule       stable rule id (e.g. ICD-003)
 * @param line       one-based line index, or null for a claim-level edit
 * @param codes      the codes the edit is about
 * @param message    what is wrong, naming the codes, in a biller's words
 * @param suggestion the fix, when one exists
 * @param reference  the guideline, policy or table that says so
 */
public record Edit(
        String rule,
        Category category,
        Severity severity,
        Integer line,
        List<String> codes,
        String message,
        Suggestion suggestion,
        String reference) {

    public Edit {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
