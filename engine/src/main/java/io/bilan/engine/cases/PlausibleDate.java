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
import java.time.LocalDate;

/**
 * A date a bilan can hold: from 1900-01-01 to 2999-12-31. The extremes JSON allows ({@code -999999999-01-01},
 * {@code +999999999-12-31}) are refused instead of being stored as something else.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausibleDate {

    /** The earliest date accepted. */
    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date accepted. */
    LocalDate LATEST = LocalDate.of(2999, 12, 31);

    String message() default "{io.bilan.engine.cases.PlausibleDate.message}";

    Class<?>[] groups() default { };

    Class<? extends Payload>[] payload() default { };

    /** Checks a date; null is left to other constraints. */
    class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
        }
    }
}
