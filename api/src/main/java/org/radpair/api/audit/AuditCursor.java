package org.radpair.api.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import org.radpair.api.problem.AcceptedDates;
import org.radpair.api.problem.InvalidQueryParameter;
import org.radpair.audit.AuditRecord;

/** The keyset position of a row in the newest-first audit list: its received time and audit id, opaque to callers. */
record AuditCursor(OffsetDateTime receivedAt, UUID auditId) {

    static String encode(AuditRecord last) {
        String position = last.receivedAt.toString() + "|" + last.auditId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static AuditCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
            OffsetDateTime receivedAt = OffsetDateTime.parse(parts[0]);
            if (!AcceptedDates.accepted(receivedAt)) {
                throw new IllegalArgumentException("outside the accepted dates");
            }
            return new AuditCursor(receivedAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidQueryParameter("cursor", "is not a cursor this service returned");
        }
    }
}
