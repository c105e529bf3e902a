package org.orderplatform.platform.web;

/**
 * The request body could not be turned into the operation's input: it is not JSON, has a value of the wrong
 * type, or is larger than allowed. Raised only while reading the request entity (see
 * {@link RequestBodyReadInterceptor}), so it is always the client's mistake.
 */
public class UnreadableBodyException extends RuntimeException {

    private final PlatformProblem type;

    UnreadableBodyException(PlatformProblem type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
    }

    PlatformProblem type() {
        return type;
    }
}
