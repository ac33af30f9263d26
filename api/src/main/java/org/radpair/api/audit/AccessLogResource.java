package org.radpair.api.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.problem.AcceptedDates;
import org.radpair.api.problem.InvalidQueryParameter;
import org.radpair.api.request.Between;
import org.radpair.api.security.Caller;
import org.radpair.audit.AccessLog;

import io.smallrye.mutiny.Uni;

/**
 * {@code GET /v1/audit/access-log}: who read which audit data of the caller's tenant, when, through which
 * endpoint (role {@code audit:admin}). Newest first, keyset pages. Reading it is logged too.
 */
@Path("/v1/audit/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("audit:admin")
@SecurityRequirement(name = "bearer")
public class AccessLogResource {

    public record Page(List<AccessLog.Entry> items, String nextCursor) {
    }

    @Inject
    AccessLog accessLog;

    @Inject
    Caller caller;

    @Inject
    AuditReads reads;

    @GET
    @Operation(summary = "Who read which audit data, when and through which endpoint (patients only as keys)")
    public Uni<Page> accessLog(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("subject") String subject,
            @QueryParam("limit") @Between(min = 1, max = AuditReads.MAX_LIMIT) Integer limit,
            @QueryParam("cursor") String cursor) {
        String tenant = caller.tenant();
        OffsetDateTime start = from == null ? null : startOf(from);
        OffsetDateTime end = to == null ? null : startOf(to.plusDays(1));
        if (subject != null && subject.length() > 200) {
            throw new InvalidQueryParameter("subject", "is too long");
        }
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor);
        int pageSize = AuditReads.limit(limit);
        AccessLog.Search search = new AccessLog.Search(tenant, start, end, subject == null || subject.isBlank() ? null : subject,
                after == null ? null : after.at(), after == null ? null : after.accessId(), pageSize + 1);
        return reads.logged("GET /v1/audit/access-log", null, null, null, subject == null ? null : "subject=" + subject)
                .chain(() -> accessLog.search(search))
                .map(entries -> {
                    boolean more = entries.size() > pageSize;
                    List<AccessLog.Entry> shown = more ? entries.subList(0, pageSize) : entries;
                    return new Page(shown, more ? Position.encode(shown.get(shown.size() - 1)) : null);
                });
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The keyset position of an entry, opaque to callers. */
    record Position(OffsetDateTime at, UUID accessId) {

        static String encode(AccessLog.Entry last) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.at() + "|" + last.accessId()).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
                OffsetDateTime at = OffsetDateTime.parse(parts[0]);
                if (!AcceptedDates.accepted(at)) {
                    throw new IllegalArgumentException("outside the accepted dates");
                }
                return new Position(at, UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidQueryParameter("cursor", "is not a cursor this service returned");
            }
        }
    }
}
