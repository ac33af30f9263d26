package org.radpair.api.claims;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.radpair.api.problem.Problem;
import org.radpair.api.problem.ProblemMappers;

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

    /** The answer for a line that could not be checked. */
    public record LineProblem(int index, Problem problem) {
    }

    @Inject
    ClaimValidation validation;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

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
        return InOrder.map(lines, line -> answer(tenant, line, store));
    }

    /** A line of the body; {@code text} is null for a line longer than {@link #MAX_LINE_BYTES}. */
    private record Line(int index, String text) {
    }

    private Uni<Object> answer(String tenant, Line line, boolean persist) {
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
        return validation.validate(tenant, request, persist).<Object>map(response -> response)
                .onFailure().recoverWithItem(failure -> new LineProblem(line.index(), Problem.of(500,
                        "internal-error", "Internal error", "This claim could not be checked; the others go on.")));
    }
}
