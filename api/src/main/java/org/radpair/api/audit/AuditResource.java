package org.radpair.api.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.claims.StoredResults;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.security.Caller;
import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditRecord;
import org.radpair.rules.Verdict;

import io.smallrye.mutiny.Uni;

@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("audit:read")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    /** Every version of one claim, oldest first. */
    public record ClaimHistory(String claimId, List<AuditItem> versions) {
    }

    @Inject
    AuditLog auditLog;

    @Inject
    StoredResults storedResults;

    @Inject
    Caller caller;

    @GET
    @Path("/claims/{claimId}")
    @Operation(summary = "Every recorded version of a claim, with its result")
    public Uni<ClaimHistory> claim(@PathParam("claimId") String claimId) {
        return auditLog.versionsOf(caller.tenant(), claimId).map(records -> {
            if (records.isEmpty()) {
                throw new NotFoundException("No claim " + claimId + " has been recorded for this tenant.");
            }
            return new ClaimHistory(claimId, records.stream().map(this::item).toList());
        });
    }

    private AuditItem item(AuditRecord record) {
        ValidateResponse result = storedResults.read(record.result);
        return new AuditItem(record.auditId, record.claimId, record.version, record.receivedAt, record.dateOfService,
                Verdict.valueOf(record.verdict), new AuditItem.Payer(record.payerId, record.payerType),
                List.of(record.cpts), List.of(record.diagnoses), result.edits(), result.lines(), record.rulesetVersion);
    }
}
