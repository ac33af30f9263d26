package org.radpair.api.claims;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.radpair.api.request.QueryParameters;
import org.radpair.api.security.Caller;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ClaimsResource {

    @Inject
    ClaimValidation validation;

    @Inject
    Caller caller;

    @Inject
    BatchValidation batch;

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("claims:validate")
    @Operation(summary = "Check one radiology claim before submission and record it in the audit history")
    public Uni<ValidateResponse> validate(@NotNull(message = "a JSON body is required") @Valid ValidateRequest request,
            @QueryParam("persist") @DefaultValue("true") String persist) {
        String tenant = caller.tenant();
        boolean recorded = QueryParameters.flag("persist", persist);
        if (!recorded && request.context() != null && request.context().followUpOf() != null) {
            // A what-if naming a finding asks, leaving no trace, whether it belongs to this patient: a patient look-up.
            // A recorded claim stays in the audit history, so clearinghouse traffic is not held to the look-up rate.
            caller.patientLookup();
        }
        return validation.validate(tenant, request, recorded);
    }

    @POST
    @Path("/validate-batch")
    @Consumes(BatchValidation.NDJSON)
    @Produces(BatchValidation.NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed("claims:validate")
    @Operation(summary = "Validate up to 10,000 claims, one JSON claim per line; answers stream back in input order")
    public Multi<Object> validateBatch(@Context HttpServerRequest body, @QueryParam("persist") @DefaultValue("true") String persist) {
        return batch.validateBatch(caller.tenant(), body, QueryParameters.flag("persist", persist));
    }
}
