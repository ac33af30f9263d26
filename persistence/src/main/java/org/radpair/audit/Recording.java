package org.radpair.audit;

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
 * @param followUps      OPEN findings this claim evaluates (closed only if still OPEN at commit)
 */
public record Recording(
        AuditRecord candidate,
        List<NewFinding> findingsToOpen,
        List<UUID> followUps,
        BiFunction<List<Finding>, List<Finding>, String> resultWriter) {

    public record NewFinding(String code, List<String> regions) {
    }
}
