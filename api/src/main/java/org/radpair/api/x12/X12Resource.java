package org.radpair.api.x12;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.claims.BatchValidation;
import org.radpair.api.claims.ClaimValidation;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.request.InOrder;
import org.radpair.api.request.QueryParameters;
import org.radpair.api.security.Caller;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.RuleDefinition;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * X12 837P in: every CLM loop mapped to a validate request and checked through the same path as JSON claims. The
 * answer is JSON, or with {@code Accept: application/edi-x12} a 277CA claim acknowledgment (005010X214).
 */
@Path("/v1/x12/837p")
@SecurityRequirement(name = "bearer")
public class X12Resource {

    public record InterchangeResult(String interchangeControlNumber, List<ValidateResponse> claims) {
    }

    static final String EDI_X12 = "application/edi-x12";

    @Inject
    ClaimValidation validation;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    ClaimChecker checker;

    @POST
    @Consumes({MediaType.TEXT_PLAIN, EDI_X12})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("claims:validate")
    @Operation(summary = "Validate every claim of an X12 005010X222A1 837P interchange")
    public Uni<InterchangeResult> validate(byte[] interchange, @QueryParam("persist") @DefaultValue("true") String persist) {
        return checked(interchange, persist)
                .map(checked -> new InterchangeResult(checked.interchange().controlNumber(), checked.answers()));
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, EDI_X12})
    // Served only to an Accept that names it: JSON stays the answer to */* or no Accept (qs: server-side preference).
    @Produces(EDI_X12 + ";qs=0.5")
    @RolesAllowed("claims:validate")
    @Operation(summary = "Validate every claim of an X12 005010X222A1 837P interchange and answer a 277CA (005010X214)"
            + " claim acknowledgment: one claim status per CLM loop, A2 accepted, A6/A7/A8 rejected")
    @APIResponse(responseCode = "200", description = "The 277CA interchange",
            content = @Content(mediaType = EDI_X12, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> acknowledge(byte[] interchange, @QueryParam("persist") @DefaultValue("true") String persist) {
        Map<String, String> summaries = ruleSummaries(checker);
        return checked(interchange, persist)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                // The media type as such: the qs of @Produces is the server's preference, not part of the answer's type.
                .map(checked -> Response.ok(checked.interchange().acknowledge(checked.answers(), summaries), EDI_X12).build());
    }

    /** Each rule id's one-line summary (the free-form message of a 277CA). */
    public static Map<String, String> ruleSummaries(ClaimChecker checker) {
        Map<String, String> summaries = new HashMap<>();
        for (RuleDefinition rule : checker.rules()) {
            summaries.put(rule.id(), rule.summary());
        }
        return Map.copyOf(summaries);
    }

    private record Checked(Interchange interchange, List<ValidateResponse> answers) {
    }

    private Uni<Checked> checked(byte[] body, String persist) {
        boolean store = QueryParameters.flag("persist", persist);
        String tenant = caller.tenant();
        Context context = Vertx.currentContext();
        // Parsing is CPU work: off the event loop, then back on the request's context for the database.
        return Uni.createFrom().item(() -> Interchange.read(body, BatchValidation.MAX_CLAIMS))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(parsed -> InOrder.map(Multi.createFrom().iterable(parsed.claims()), claim -> check(tenant, claim, store))
                        .collect().asList()
                        .map(results -> new Checked(parsed, results)));
    }

    /** An interchange with more claims than a batch may hold: 413, found while reading. */
    public static final class TooManyClaims extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public TooManyClaims(int segmentPosition, int maxClaims) {
            super("An interchange holds at most " + maxClaims + " claims (CLM loops); the claim at segment "
                    + segmentPosition + " is one too many. Split the interchange.");
        }
    }

    private Uni<ValidateResponse> check(String tenant, Claim837Mapper.MappedClaim claim, boolean persist) {
        List<String> problems = Interchange.problemsOf(claim, validator);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Interchange.incomplete(claim, problems));
        }
        return validation.validate(tenant, claim.request(), persist);
    }
}
