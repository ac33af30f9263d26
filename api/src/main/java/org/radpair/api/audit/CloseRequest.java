package org.radpair.api.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /v1/audit/findings/{findingId}}: closing an open finding that needs no follow-up. */
public record CloseRequest(@NotNull @Pattern(regexp = "CLOSED", message = "must be CLOSED") String status,
        @NotBlank @Size(max = 500) String reason) {
}
