package org.radpair.api.claims;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.radpair.api.problem.AcceptedDates;
import org.radpair.claim.PayerType;
import org.radpair.claim.Purpose;
import org.radpair.claim.Sex;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The body of POST /v1/claims/validate. Only the shape is validated here (400 on violation); whether
 * the codes are real and billable is what the check answers, as edits.
 */
public record ValidateRequest(
        @NotBlank @Size(max = 38) @Printable
        String claimId,
        @NotNull @Valid Patient patient,
        @Valid Payer payer,
        @NotNull @AcceptedDates.Accepted LocalDate dateOfService,
        @NotNull @Size(min = 1, max = 12) List<@NotBlank @Size(max = CODE_MAX) @Printable String> diagnoses,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines,
        @Valid Context context) {

    static final int CODE_MAX = 40;

    public record Patient(
            @NotBlank @Size(max = 80) @Printable
            String id,
            Sex sex,
            @AcceptedDates.Accepted LocalDate birthDate) {
    }

    public record Payer(@Size(max = 80) @Printable String id, PayerType type) {
    }

    public record Line(
            @NotBlank @Size(max = CODE_MAX) @Printable String cpt,
            @Size(max = 4) List<@NotNull @FixedCode(length = 2, message = "must be two letters or digits") String> modifiers,
            @Min(1) @Max(99) Integer units,
            @Size(max = 4) List<@NotNull @Min(1) @Max(12) Integer> diagnosisPointers) {
    }

    public record Context(
            Purpose purpose,
            @Min(0) @Max(6) Integer priorBirads,
            @Size(max = 12) List<@NotBlank @Size(max = CODE_MAX) @Printable String> incidentalFindings,
            @Size(max = 38) @Printable String followUpOf,
            @Valid Smoking smoking,
            Boolean ruleOut,
            @FixedCode(length = 2, digitsOnly = true, message = "must be a two-digit CMS place-of-service code") String placeOfService) {

        public Context(Purpose purpose, Integer priorBirads, List<String> incidentalFindings, String followUpOf, Smoking smoking,
                Boolean ruleOut) {
            this(purpose, priorBirads, incidentalFindings, followUpOf, smoking, ruleOut, null);
        }
    }

    public record Smoking(@Min(0) @Max(300) Integer packYears, Boolean currentSmoker, @Min(0) @Max(120) Integer yearsSinceQuit) {
    }

    /** A birth date after the date of service is a typing error, not something to check codes against. */
    @JsonIgnore
    @AssertTrue(message = "patient.birthDate must not be after dateOfService")
    public boolean isBirthDateBeforeService() {
        return patient == null || patient.birthDate() == null || dateOfService == null
                || !patient.birthDate().isAfter(dateOfService);
    }

    /** The same request with the patient identifier replaced (for storage: no identifier in clear). */
    ValidateRequest withPatientId(String replacement) {
        return new ValidateRequest(claimId, new Patient(replacement, patient.sex(), patient.birthDate()), payer,
                dateOfService, diagnoses, lines, context);
    }
}
