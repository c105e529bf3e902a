package org.orderplatform.order;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An order id in a path parameter, taken as text: a UUID in its 8-4-4-4-12 hex form, so that
 * {@link java.util.UUID#fromString} cannot fail. Anything else is a 422 naming the parameter - not the 404 JAX-RS
 * gives for a value it cannot convert. The composed {@link Pattern} is what the OpenAPI document shows as the
 * parameter's pattern.
 */
@Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface OrderId {

    String message() default "must be an order id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
