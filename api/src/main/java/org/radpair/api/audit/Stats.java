package org.radpair.api.audit;

import java.time.LocalDate;
import java.util.Map;

import org.radpair.audit.AuditStats;
import org.radpair.rules.Verdict;

/** Counts of recorded validations between two days (inclusive), and the share that passed (four decimals). */
public record Stats(LocalDate from, LocalDate to, long total, Map<String, Long> byVerdict,
        Map<String, Long> byCategory, Map<String, Long> byRule, double passRate) {

    static Stats of(LocalDate from, LocalDate to, AuditStats stats) {
        long passed = stats.byVerdict().getOrDefault(Verdict.PASS.name(), 0L);
        return new Stats(from, to, stats.total(), stats.byVerdict(), stats.byCategory(), stats.byRule(),
                stats.total() == 0 ? 0.0 : Math.round(10_000.0 * passed / stats.total()) / 10_000.0);
    }
}
