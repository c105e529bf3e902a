package org.orderplatform.platform.web.problem;

import java.util.List;
import java.util.Map;

/**
 * A kind of refusal: its {@code type} URI, title and HTTP status, written once. The platform's own are in
 * {@link PlatformProblem}; each feature keeps its types as constants of one class of its own (for example
 * {@code OrderProblem}), so that a call site names the problem and the words of it live in one place.
 */
public record ProblemType(String uri, String title, int status) {

    /** This problem, with a detail for this occurrence. */
    public ProblemException exception(String detail) {
        return new ProblemException(status, uri, title, detail);
    }

    /** This problem, telling the client in how many seconds to try again ({@code Retry-After}). */
    public ProblemException exception(String detail, long retryAfterSeconds) {
        return new ProblemException(status, uri, title, detail, List.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
