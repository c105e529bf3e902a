package org.orderplatform.platform.web;

/**
 * A kind of refusal: its {@code type} URI, title and HTTP status, written once. The platform's own are
 * {@link PlatformProblem}; each feature keeps its types in one enum of its own (for example {@code OrderProblem}),
 * so that a call site names the problem and the words of it live in one place.
 */
public interface ProblemType {

    String uri();

    String title();

    int status();

    /** This problem, with a detail for this occurrence. */
    default ProblemException exception(String detail) {
        return new ProblemException(status(), uri(), title(), detail);
    }
}
