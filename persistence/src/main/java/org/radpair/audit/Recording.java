package org.radpair.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.radpair.findings.Finding;

/**
 * Everything one validation writes, in one transaction: the audit row, the findings it opens, the
 * findings it follows up. The stored result names the findings, so it is written last, by
 * {@code resultWriter}, from the findings actually opened and closed.
 *
 * @param findingsToOpen codes with the body regions of the study that found them
 * @param followUps      OPEN findings this claim evaluates (closed only if still OPEN at commit), and how that was known
 */
public record Recording(
        AuditRecord candidate,
        List<NewFinding> findingsToOpen,
        List<FollowUp> followUps,
        BiFunction<List<Finding>, List<Finding>, String> resultWriter) {

    /**
     * A finding to open: its code, body regions, how it was known ({@code EXPLICIT} or {@code INFERRED}) and by
     * which rule (null for explicit), and when its follow-up is due.
     */
    public record NewFinding(String code, List<String> regions, String how, String rule, LocalDate dueOn) {
    }

    /** An OPEN finding this claim follows up, how that was known ({@code EXPLICIT} or {@code INFERRED}) and by which rule. */
    public record FollowUp(UUID findingId, String how, String rule) {
    }
}
