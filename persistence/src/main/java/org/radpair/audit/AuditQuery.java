package org.radpair.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Filters of the audit list, all optional but the tenant. Dates are inclusive; {@code after*} is the
 * keyset cursor (the last row of the previous page, newest first).
 */
public record AuditQuery(
        String tenant,
        LocalDate receivedFrom,
        LocalDate receivedTo,
        LocalDate serviceFrom,
        LocalDate serviceTo,
        String verdict,
        String category,
        String rule,
        String payer,
        String cpt,
        String patientKey,
        OffsetDateTime afterReceivedAt,
        UUID afterAuditId,
        int limit) {
}
