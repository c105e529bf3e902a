package org.orderplatform.platform.web.problem;

import java.util.List;

/**
 * An RFC 9457 problem document, rendered as {@code application/problem+json}.
 *
 * @param type      a URI reference identifying the problem type ({@code about:blank} for plain HTTP errors)
 * @param title     short, human-readable summary of the type
 * @param status    the HTTP status code
 * @param detail    explanation specific to this occurrence
 * @param instance  the request path the problem occurred on
 * @param requestId the request id (also in the {@code X-Request-ID} header and in the server logs)
 * @param errors    field errors of a validation problem; {@code null} (omitted) otherwise
 */
public record ProblemDetails(String type, String title, int status, String detail, String instance,
                             String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetails {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** One rejected field of a request body, query or path parameter. */
    public record FieldError(String field, String message) {
    }
}
