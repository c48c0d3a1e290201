package io.bilan.engine.cases;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text with something written in it: not empty, not only spaces. {@code null} is left to {@code @NotNull}, so a
 * missing text is reported once, as missing.
 */
@Documented
@Constraint(validatedBy = Written.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Written {

    String message() default "{io.bilan.engine.cases.Written.message}";

    Class<?>[] groups() default { };

    Class<? extends Payload>[] payload() default { };

    /** Checks a text; null is left to other constraints. */
    class Check implements ConstraintValidator<Written, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || !text.isBlank();
        }
    }
}
