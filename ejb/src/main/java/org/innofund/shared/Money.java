package org.innofund.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * An amount of money in yuan as the database holds it, NUMBER(16,2): not negative, at most 14 digits before the
 * point and 2 (fen) after it. Null is allowed (a draft may leave it out).
 */
@Documented
@Constraint(validatedBy = {})
@Digits(integer = Money.INTEGER_DIGITS, fraction = Money.FRACTION_DIGITS)
@DecimalMin("0")
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Money {

    int INTEGER_DIGITS = 14;
    int FRACTION_DIGITS = 2;

    String message() default "must be an amount from 0 to 99999999999999.99 with at most 2 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
