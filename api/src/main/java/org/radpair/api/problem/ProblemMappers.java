package org.radpair.api.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.radpair.api.JacksonConfig;
import org.radpair.api.database.DatabaseFailures;
import org.radpair.api.security.TenantRateLimiter;
import org.radpair.findings.FindingRegistry;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error leaves as application/problem+json (RFC 9457); client mistakes are 4xx, never 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The problem as a response of its own status, in the problem+json media type. */
    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolations(ConstraintViolationException e) {
        return respond(invalid(e.getConstraintViolations()));
    }

    /** The 400 problem for a set of bean-validation violations, one field error each. */
    public static Problem invalid(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid("The request does not have the shape the API expects.", errors);
    }

    /** The violation's path without the resource method and parameter names: {@code lines[0].units}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                field.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    @ServerExceptionMapper(priority = 1)
    public Response tooManyRequests(TenantRateLimiter.TooManyRequests e) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(Problem.of(429, "too-many-requests", "Too Many Requests", e.getMessage())).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response statusConflict(FindingRegistry.StatusConflict e) {
        return respond(Problem.of(409, "conflict", "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidQueryParameter(InvalidQueryParameter e) {
        return respond(Problem.invalid("A query parameter has a value the endpoint cannot use.",
                List.of(new Problem.FieldError(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseableJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        return respond(invalid(e));
    }

    /** The 400 problem for JSON that cannot be read as the expected shape. */
    public static Problem invalid(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Problem.invalid(CONSTRAINTS, List.of());
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamConstraintsException) {
            return Problem.invalid(CONSTRAINTS, List.of(new Problem.FieldError(pathOf(mapping), "is too long or too deeply nested")));
        }
        if (e instanceof JsonParseException) {
            String message = e.getOriginalMessage();
            return Problem.invalid(message == null || message.contains("`") || message.contains("Constraints")
                    ? "The body is not valid JSON." : "The body is not valid JSON: " + message, List.of());
        }
        if (e instanceof JsonMappingException mapping) {
            return Problem.invalid("A field has the wrong type or value.",
                    List.of(new Problem.FieldError(pathOf(mapping), describe(mapping))));
        }
        return Problem.invalid("The body is not valid JSON.", List.of());
    }

    private static final String CONSTRAINTS = "The body exceeds a JSON nesting, number or string limit.";

    private static String describe(JsonMappingException e) {
        if (e instanceof JacksonConfig.ForbiddenCharacter) {
            return e.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + List.of(target.getEnumConstants());
            }
            return "'" + invalid.getValue() + "' is not " + simpleType(target);
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + simpleType(mismatched.getTargetType());
        }
        String message = e.getOriginalMessage();
        // Jackson's own messages name its classes and settings: say only what is wrong, in plain words.
        return message == null || message.contains("Constraints") || message.contains("`") || message.contains("com.fasterxml")
                ? "is invalid" : message.lines().findFirst().orElse("is invalid");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "an integer";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            case "LocalDate" -> "a valid date (YYYY-MM-DD)";
            case "List" -> "an array";
            default -> type.isRecord() ? "an object" : type.getSimpleName();
        };
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthenticated();
    }

    private static Response unauthenticated() {
        Problem problem = Problem.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token (RS256 JWT) is required.");
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "The token does not grant this operation (it needs the required role and a tenant claim)."));
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 413 -> "The body is larger than the 32 MiB limit.";
            case 405 -> "This endpoint does not answer this HTTP method.";
            case 406 -> "This endpoint cannot answer in the media type the Accept header asks for.";
            case 415 -> "This endpoint does not read a body of this Content-Type.";
            default -> e.getMessage();
        };
        // Framework messages may name annotations or classes (@Consumes, @Produces): not for callers.
        if (detail == null || detail.startsWith("HTTP ") || detail.contains("@") || detail.contains("java.")) {
            detail = type.getReasonPhrase();
        }
        return respond(Problem.of(status, slug(type.getReasonPhrase()), type.getReasonPhrase(), detail));
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
            cause = cause.getCause();
        }
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        if (DatabaseFailures.unavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(databaseUnavailable()).build();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed; it has been logged."));
    }

    /** Seconds a caller is asked to wait when the database does not answer (header {@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** The 503 problem of a call that could not reach the database (single claims and each line of a batch). */
    public static Problem databaseUnavailable() {
        return Problem.of(503, "database-unavailable", "Service Unavailable",
                "The audit database does not answer in time; the claim may not be recorded. Send it again later"
                        + " (an identical claim is recorded once), or use persist=false.");
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

}
