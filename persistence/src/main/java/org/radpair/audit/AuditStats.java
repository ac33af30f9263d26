package org.radpair.audit;

import java.util.Map;

/** Counts of recorded validations: by verdict, and claims with at least one edit of each category and rule. */
public record AuditStats(long total, Map<String, Long> byVerdict, Map<String, Long> byCategory, Map<String, Long> byRule) {
}
