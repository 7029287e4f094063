package org.innofund.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A {@code BigDecimal} that {@link Money} accepts, for the records the API and the forms fill in (they keep
 * BigDecimal so that a bad amount reaches validation and is reported with its field, 422, instead of failing to
 * bind). The rule itself is {@link Money#isValid}. Null is allowed (a draft may leave it out).
 */
@Documented
@Constraint(validatedBy = MoneyAmount.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface MoneyAmount {

    String message() default "must be an amount from 0 to 99999999999999.99 with at most 2 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MoneyAmount, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || Money.isValid(value);
        }
    }
}
