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

/** A code of exactly {@link #length()} ASCII digits or, unless {@link #digitsOnly()}, ASCII letters and digits (no regular expression). */
@Documented
@Constraint(validatedBy = FixedCode.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface FixedCode {

    int length();

    boolean digitsOnly() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FixedCode, String> {

        private int length;
        private boolean digitsOnly;

        @Override
        public void initialize(FixedCode annotation) {
            length = annotation.length();
            digitsOnly = annotation.digitsOnly();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || matches(value, length, digitsOnly);
        }

        static boolean matches(String value, int length, boolean digitsOnly) {
            if (value.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                if (!(digit || (!digitsOnly && letter))) {
                    return false;
                }
            }
            return true;
        }
    }
}
