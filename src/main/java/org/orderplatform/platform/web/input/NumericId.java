package org.orderplatform.platform.web.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A numeric id in a path or query parameter, taken as text: a positive whole number of at most 18 digits, so that
 * {@link Long#parseLong} cannot fail. Anything else is a 422 naming the parameter - not the 404 JAX-RS gives for
 * a number it cannot convert - like a malformed order id.
 */
@Pattern(regexp = "[1-9][0-9]{0,17}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface NumericId {

    String message() default "must be an id: a whole number from 1 to 999999999999999999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
