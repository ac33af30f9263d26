package org.radpair.api.claims;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;
import org.radpair.api.database.DatabaseFailures;
import org.radpair.api.problem.Problem;
import org.radpair.api.problem.ProblemMappers;
import org.radpair.api.request.InOrder;
import org.radpair.api.security.TenantRateLimiter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.parsetools.RecordParser;

/**
 * NDJSON in, NDJSON out: one claim per line, one answer per line in input order, written as each
 * is ready. A bad line gets {"index": n, "problem": {...}} and the others go on.
 *
 * Shares the {@code /v1/claims} root with {@link ClaimsResource}, which delegates here: JAX-RS matches one
 * resource class per root.
 */
@jakarta.enterprise.context.ApplicationScoped
public class BatchValidation {

    public static final String NDJSON = "application/x-ndjson";
    public static final int MAX_CLAIMS = 10_000;

    /**
     * The answer for a line that could not be checked. {@code retryAfter} (seconds) is set when the line may be sent
     * again later, as the {@code Retry-After} header of a single call would be.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineProblem(int index, Problem problem, Integer retryAfter) {
        public LineProblem(int index, Problem problem) {
            this(index, problem, null);
        }
    }

    private static final Logger LOG = Logger.getLogger(BatchValidation.class);

    @Inject
    ClaimValidation validation;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    TenantRateLimiter limiter;

    /** A longer line is not a claim: it ends the batch with a problem instead of filling the memory. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;

    /** Stands for an over-long line; compared by identity, so no line's text can be mistaken for it. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String TOO_LONG = new String("too long");

    /**
     * Reads the body line by line as it arrives (a record parser on the request stream, with
     * back-pressure: the next bytes are read when the answers before them have been written), so neither
     * the body nor the answers are ever held whole.
     */
    public Multi<Object> validateBatch(String tenant, HttpServerRequest request, boolean store) {
        AtomicInteger index = new AtomicInteger();
        AtomicBoolean tooLong = new AtomicBoolean();
        Multi<Line> lines = RecordParser.newDelimited("\n", io.vertx.mutiny.core.http.HttpServerRequest.newInstance(request))
                .maxRecordSize(MAX_LINE_BYTES)
                .toMulti()
                .map(buffer -> buffer.length() > MAX_LINE_BYTES ? TOO_LONG : buffer.toString(StandardCharsets.UTF_8))
                // The parser gives up on an over-long line that has not ended yet.
                .onFailure(IllegalStateException.class).recoverWithItem(TOO_LONG)
                .filter(text -> text == TOO_LONG || !text.isBlank())
                .map(text -> new Line(index.getAndIncrement(), text == TOO_LONG ? null : text))
                // An over-long line is answered as the last one: the rest of the body is not read.
                .select().first(line -> {
                    boolean goOn = !tooLong.get();
                    tooLong.compareAndSet(false, line.text() == null);
                    return goOn;
                })
                // The line after the last allowed one is answered with the limit; the rest is not read.
                .select().first(MAX_CLAIMS + 1);
        Failures failures = new Failures();
        return InOrder.map(lines, line -> answer(tenant, line, store, failures))
                .onTermination().invoke(failures::summarise);
    }

    /**
     * The lines of one batch that failed for want of the database or for an unexpected reason: each kind is
     * logged once, when it first happens, and counted at the end; not once per line.
     */
    static final class Failures {
        private final AtomicInteger unavailable = new AtomicInteger();
        private final AtomicInteger unexpected = new AtomicInteger();

        LineProblem answer(int index, Throwable failure) {
            if (DatabaseFailures.unavailable(failure)) {
                if (unavailable.getAndIncrement() == 0) {
                    LOG.warnf("Database unavailable during a batch (line %d and any later ones answered 503): %s", index,
                            failure.getMessage());
                }
                return new LineProblem(index, ProblemMappers.databaseUnavailable(), ProblemMappers.RETRY_AFTER_SECONDS);
            }
            if (unexpected.getAndIncrement() == 0) {
                LOG.errorf(failure, "Unexpected failure in a batch (line %d; later ones are counted, not logged)", index);
            }
            return new LineProblem(index, Problem.of(500, "internal-error", "Internal error",
                    "This claim could not be checked; the others go on."));
        }

        void summarise() {
            if (unavailable.get() > 1 || unexpected.get() > 1) {
                LOG.warnf("Batch finished with %d lines answered 503 (database unavailable) and %d lines answered 500",
                        unavailable.get(), unexpected.get());
            }
        }
    }

    /** A line of the body; {@code text} is null for a line longer than {@link #MAX_LINE_BYTES}. */
    private record Line(int index, String text) {
    }

    private Uni<Object> answer(String tenant, Line line, boolean persist, Failures failures) {
        if (line.text() == null) {
            return Uni.createFrom().item(new LineProblem(line.index(), Problem.of(413, "line-too-long", "Line too long",
                    "A line holds at most " + MAX_LINE_BYTES + " bytes; this line and the rest were not checked.")));
        }
        if (line.index() >= MAX_CLAIMS) {
            return Uni.createFrom().item(new LineProblem(line.index(), Problem.of(413, "batch-too-large",
                    "Batch too large", "A batch holds at most " + MAX_CLAIMS + " claims; this line and the rest were not checked.")));
        }
        ValidateRequest request;
        try {
            request = json.readValue(line.text(), ValidateRequest.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new LineProblem(line.index(), ProblemMappers.invalid(e)));
        }
        if (request == null) {
            return Uni.createFrom().item(new LineProblem(line.index(),
                    Problem.invalid("The line is not a claim.", java.util.List.of())));
        }
        Set<ConstraintViolation<ValidateRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return Uni.createFrom().item(new LineProblem(line.index(), ProblemMappers.invalid(violations)));
        }
        if (!persist && request.context() != null && request.context().followUpOf() != null) {
            try {
                limiter.acquirePatientLookup(tenant);
            } catch (TenantRateLimiter.TooManyRequests e) {
                return Uni.createFrom().item(new LineProblem(line.index(),
                        Problem.of(429, "too-many-requests", "Too Many Requests", e.getMessage()), (int) e.retryAfterSeconds()));
            }
        }
        return Uni.createFrom().deferred(() -> validation.validate(tenant, request, persist)).<Object>map(response -> response)
                .onFailure().recoverWithItem(failure -> failures.answer(line.index(), failure));
    }
}
