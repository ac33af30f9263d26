package org.radpair.api.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.request.Between;
import org.radpair.api.security.Caller;
import org.radpair.findings.FindingRegistry;
import org.radpair.findings.FindingStatus;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The incidental-finding worklist: findings by status and age, one with its history, closing one. Tenant-scoped. */
@Path("/v1/audit/findings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("audit:read")
@SecurityRequirement(name = "bearer")
public class FindingsResource {

    @Inject
    FindingRegistry findings;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditReads reads;

    @GET
    @Operation(summary = "Incidental findings by status and age: the overdue follow-up worklist, oldest first")
    public Uni<FindingList> findings(@QueryParam("status") FindingStatus status,
            @QueryParam("olderThanDays") @Between(min = 0, max = 36_500) Integer olderThanDays,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("limit") @Between(min = 1, max = AuditReads.MAX_LIMIT) Integer limit) {
        boolean onlyOverdue = Boolean.TRUE.equals(overdue);
        return reads.logged("GET /v1/audit/findings", null, null, null)
                .chain(() -> findings.worklist(caller.tenant(), status, olderThanDays, onlyOverdue, AuditReads.limit(limit)))
                .map(list -> new FindingList(list.stream().map(FindingView::of).toList()));
    }

    @GET
    @Path("/{findingId}")
    @Operation(summary = "One finding with its status history")
    public Uni<FindingDetail> finding(@PathParam("findingId") String findingId) {
        String tenant = caller.tenant();
        UUID id = uuid(findingId);
        return reads.logged("GET /v1/audit/findings/{findingId}", null, null, id).chain(() -> findings.get(tenant, id))
                .chain(found -> {
                    if (found == null) {
                        throw notFound(findingId);
                    }
                    return findings.eventsOf(tenant, id).map(events -> new FindingDetail(FindingView.of(found),
                            events.stream().map(FindingEventView::of).toList()));
                });
    }

    @PATCH
    @Path("/{findingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("findings:write")
    @Operation(summary = "Close an open finding that needs no follow-up (roles audit:read and findings:write)")
    public Uni<FindingView> close(@PathParam("findingId") String findingId,
            @NotNull(message = "a JSON body is required") @Valid CloseRequest request) {
        if (!identity.hasRole("audit:read")) {
            throw new ForbiddenException("Closing a finding needs the audit:read role as well as findings:write.");
        }
        String tenant = caller.tenant();
        return findings.close(tenant, uuid(findingId), request.reason().strip(), identity.getPrincipal().getName())
                .map(closed -> {
                    if (closed == null) {
                        throw notFound(findingId);
                    }
                    return FindingView.of(closed);
                });
    }

    /** A finding id that is not a UUID names no finding: 404, as an unknown one. */
    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound(value);
        }
    }

    private static NotFoundException notFound(String findingId) {
        return new NotFoundException("No finding " + findingId + " for this tenant.");
    }
}
