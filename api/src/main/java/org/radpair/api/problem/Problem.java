package org.radpair.api.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document. {@code errors} lists field-level validation failures. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://radpair.org/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPES + slug, title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(TYPES + "invalid-request", "Invalid request", 400, detail, errors);
    }
}
