package org.radpair.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;
import org.radpair.api.claims.ValidateRequest;

import io.quarkus.test.junit.QuarkusTest;

/** With every property traversed and no per-validation cache, nested request objects are still checked, each once. */
@QuarkusTest
class RequestShapeValidationTest {

    @Inject
    Validator validator;

    @Inject
    ValidatorFactory factory;

    @Test
    void theValidatorTraversesEveryPropertyWithoutAskingJpa() {
        assertThat(factory.getTraversableResolver()).isInstanceOf(RequestShapeValidation.EveryProperty.class);
    }

    @Test
    void violationsOfNestedObjectsAreFoundAndNamedOnce() {
        ValidateRequest request = new ValidateRequest("CLM-SHAPE", new ValidateRequest.Patient(" ", null, null), null,
                LocalDate.of(2026, 3, 2), List.of("R51.9"),
                List.of(new ValidateRequest.Line("70450", List.of("ABC"), 100, List.of(1)),
                        new ValidateRequest.Line("", null, null, List.of(13))),
                new ValidateRequest.Context(null, 7, null, null, new ValidateRequest.Smoking(301, null, null), null));

        Set<ConstraintViolation<ValidateRequest>> violations = validator.validate(request);

        List<String> paths = violations.stream().map(v -> v.getPropertyPath().toString()).sorted().collect(Collectors.toList());
        assertThat(paths).containsExactly("context.priorBirads", "context.smoking.packYears", "lines[0].modifiers[0].<list element>",
                "lines[0].units", "lines[1].cpt", "lines[1].diagnosisPointers[0].<list element>", "patient.id");
    }
}
