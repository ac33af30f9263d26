package org.radpair.api.x12;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.claims.BatchValidation;
import org.radpair.api.claims.ClaimsResource;
import org.radpair.api.claims.InOrder;
import org.radpair.api.claims.ClaimValidation;
import org.radpair.api.claims.ValidateRequest;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.security.Caller;
import org.radpair.rules.Category;
import org.radpair.rules.Edit;
import org.radpair.rules.Severity;
import org.radpair.rules.Verdict;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** X12 837P in: every CLM loop mapped to a validate request and checked through the same path as JSON claims. */
@Path("/v1/x12/837p")
@SecurityRequirement(name = "bearer")
public class X12Resource {

    public record InterchangeResult(String interchangeControlNumber, List<ValidateResponse> claims) {
    }

    /** A claim that maps from X12 but misses what the check needs: its own CLAIM_STRUCTURE edits, the others go on. */
    static final String INCOMPLETE_RULE = "X12-001";
    private static final String X12_REFERENCE = "ASC X12 005010X222A1 (837P) implementation guide";

    @Inject
    ClaimValidation validation;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @POST
    @Consumes({MediaType.TEXT_PLAIN, "application/edi-x12"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("claims:validate")
    @Operation(summary = "Validate every claim of an X12 005010X222A1 837P interchange")
    public Uni<InterchangeResult> validate(byte[] interchange, @QueryParam("persist") @DefaultValue("true") String persist) {
        boolean store = ClaimsResource.flag("persist", persist);
        String tenant = caller.tenant();
        Context context = Vertx.currentContext();
        // Parsing is CPU work: off the event loop, then back on the request's context for the database.
        return Uni.createFrom().item(() -> parse(interchange))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(parsed -> InOrder.map(Multi.createFrom().iterable(parsed.claims()), claim -> check(tenant, claim, store))
                        .collect().asList()
                        .map(results -> new InterchangeResult(parsed.controlNumber(), results)));
    }

    record Parsed(String controlNumber, List<Claim837Mapper.MappedClaim> claims) {
    }

    /** An interchange with more claims than a batch may hold: 413, found while reading. */
    public static final class TooManyClaims extends RuntimeException {
        public TooManyClaims(int segmentPosition) {
            super("An interchange holds at most " + BatchValidation.MAX_CLAIMS + " claims (CLM loops); the claim at segment "
                    + segmentPosition + " is one too many. Split the interchange.");
        }
    }

    static Parsed parse(byte[] interchange) {
        if (interchange == null || interchange.length == 0) {
            throw new X12SyntaxException(0, null, "The body is empty: an X12 interchange starts with an ISA segment.", null);
        }
        List<Claim837Mapper.MappedClaim> claims = new ArrayList<>();
        // The same cap as NDJSON batches, while reading: the claim past it stops the parse.
        Claim837Mapper mapper = new Claim837Mapper(claim -> {
            if (claims.size() >= BatchValidation.MAX_CLAIMS) {
                throw new TooManyClaims(claim.segmentPosition());
            }
            claims.add(claim);
        });
        X12Reader.read(new ByteArrayInputStream(interchange), mapper);
        mapper.finish();
        return new Parsed(mapper.interchangeControlNumber(), claims);
    }

    private Uni<ValidateResponse> check(String tenant, Claim837Mapper.MappedClaim claim, boolean persist) {
        List<String> problems = new ArrayList<>(claim.problems());
        for (ConstraintViolation<ValidateRequest> violation : validator.validate(claim.request())) {
            problems.add(violation.getPropertyPath() + " " + violation.getMessage());
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(incomplete(claim, problems));
        }
        return validation.validate(tenant, claim.request(), persist);
    }

    private static ValidateResponse incomplete(Claim837Mapper.MappedClaim claim, List<String> problems) {
        List<Edit> edits = problems.stream()
                .map(problem -> new Edit(INCOMPLETE_RULE, Category.CLAIM_STRUCTURE, Severity.ERROR, null, List.of(),
                        "The 837P claim " + claim.claimId() + " (CLM at segment " + claim.segmentPosition()
                                + ") cannot be checked: " + problem + ".", null, X12_REFERENCE))
                .toList();
        return new ValidateResponse(claim.claimId(), Verdict.FAIL, edits, List.of(), ValidateResponse.FollowUp.NONE,
                null, null, null);
    }
}
