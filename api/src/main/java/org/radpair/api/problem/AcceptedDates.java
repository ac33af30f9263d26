package org.radpair.api.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The one range of dates the API accepts, in bodies, filters and cursors: 1900-01-01 to 2199-12-31.
 * Outside it (year -4713, +999999999) a date is a typing error or a probe, and PostgreSQL's own range
 * differs from Java's: refused as a 400 naming the field instead of reaching the database.
 */
public final class AcceptedDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2199, 12, 31);
    public static final String MESSAGE = "must be a date between 1900-01-01 and 2199-12-31";

    private AcceptedDates() {
    }

    public static boolean accepted(LocalDate date) {
        return date == null || !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean accepted(OffsetDateTime time) {
        return time == null || accepted(time.toLocalDate());
    }

    /** A query parameter as a date in the accepted range, or a 400 naming it. */
    public static LocalDate parameter(String name, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameter(name, "must be a date YYYY-MM-DD");
        }
        if (!accepted(date)) {
            throw new InvalidQueryParameter(name, MESSAGE);
        }
        return date;
    }

    /** Bean-validation form of the range, for request bodies (JSON, NDJSON lines, mapped X12 claims). */
    @Documented
    @Constraint(validatedBy = InRange.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
            ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Accepted {
        String message() default MESSAGE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class InRange implements ConstraintValidator<Accepted, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return accepted(value);
        }
    }
}
