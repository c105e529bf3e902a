package org.orderplatform.platform.web.problem;

import java.util.List;
import java.util.Map;

/**
 * A refusal a feature decides on (conflict, forbidden, too many requests, ...), rendered as a problem response
 * by {@link ProblemExceptionMapper}. Features name their problem types; see docs/errors.md.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<ProblemDetails.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String type, String title, String detail,
                            List<ProblemDetails.FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /**
     * A plain HTTP refusal that needs no type of its own ({@code about:blank}, RFC 9457 §4.2.1) - "no order 7" is
     * a 404 like any other.
     */
    public static ProblemException ofStatus(int status, String detail) {
        return new ProblemException(status, Problems.ABOUT_BLANK, Problems.reasonPhrase(status), detail);
    }

    /** 422 with the given field errors, like a Bean Validation failure. */
    public static ProblemException invalid(List<ProblemDetails.FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ProblemException(PlatformProblem.VALIDATION.status(), PlatformProblem.VALIDATION.uri(),
                PlatformProblem.VALIDATION.title(), detail, errors, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<ProblemDetails.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
