package org.orderplatform.platform.web.body;

import org.orderplatform.platform.web.problem.ProblemType;

/**
 * The request body could not be turned into the operation's input: it is not JSON, has a value of the wrong
 * type, or is larger than allowed. Raised only while reading the request entity (see
 * {@link RequestBodyReadInterceptor}), so it is always the client's mistake.
 */
public class UnreadableBodyException extends RuntimeException {

    private final ProblemType type;

    UnreadableBodyException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
    }

    ProblemType type() {
        return type;
    }
}
