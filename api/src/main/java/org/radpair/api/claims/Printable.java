package org.radpair.api.claims;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text without control characters (U+0000–U+001F, U+007F: what {@code \p{Cntrl}} means in Java), checked without
 * a regular expression: it runs on every string of every claim.
 */
@Documented
@Constraint(validatedBy = Printable.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Printable {

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Printable, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || printable(value);
        }

        static boolean printable(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    return false;
                }
            }
            return true;
        }
    }
}
