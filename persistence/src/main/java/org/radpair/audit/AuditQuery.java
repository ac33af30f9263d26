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

    /** The same filters, a page of {@code rows}. */
    public AuditQuery withLimit(int rows) {
        return new AuditQuery(tenant, receivedFrom, receivedTo, serviceFrom, serviceTo, verdict, category, rule, payer, cpt,
                patientKey, afterReceivedAt, afterAuditId, rows);
    }

    /** The same filters, the page after the row received at {@code receivedAt} with {@code auditId}. */
    public AuditQuery after(OffsetDateTime receivedAt, UUID auditId) {
        return new AuditQuery(tenant, receivedFrom, receivedTo, serviceFrom, serviceTo, verdict, category, rule, payer, cpt,
                patientKey, receivedAt, auditId, limit);
    }
}
