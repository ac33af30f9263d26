package org.radpair.api.claims;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.radpair.api.problem.Problem;
import org.radpair.api.problem.ProblemMappers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * NDJSON in, NDJSON out: one claim per line, one answer per line in input order, written as each
 * is ready. A bad line gets {"index": n, "problem": {...}} and the others go on.
 */
/**
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

    public Multi<Object> validateBatch(String tenant, byte[] body, boolean store) {
        return InOrder.map(Multi.createFrom().iterable(() -> lines(body == null ? new byte[0] : body)),
                line -> answer(tenant, line, store));
    }

    private record Line(int index, String text) {
    }

    private Uni<Object> answer(String tenant, Line line, boolean persist) {
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

    /** The non-blank lines of the body, numbered from 0, read lazily. */
    private static Iterator<Line> lines(byte[] body) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        return new Iterator<>() {
            private int index;
            private String next = advance();

            private String advance() {
                try {
                    String line;
                    do {
                        line = reader.readLine();
                    } while (line != null && line.isBlank());
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null && index <= MAX_CLAIMS;
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Line line = new Line(index++, next);
                next = advance();
                return line;
            }
        };
    }
}
