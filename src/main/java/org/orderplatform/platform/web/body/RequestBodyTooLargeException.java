package org.orderplatform.platform.web.body;

import java.io.IOException;

/** Thrown while reading a request body that grew past the limit; mapped to 413 wherever it surfaces. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(String message) {
        super(message);
    }
}
