package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Marks failures while reading a request entity as the client's: a body that cannot be parsed becomes
 * {@link UnreadableBodyException} (400, or 413 when it outgrew the limit). Failures anywhere else stay server
 * errors.
 */
@Provider
@ApplicationScoped
public class RequestBodyReadInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (WebApplicationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RequestBodyTooLargeException tooLarge) {
                    throw new UnreadableBodyException(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), e);
                }
            }
            throw new UnreadableBodyException(ProblemType.MALFORMED_BODY,
                    "The request body is not valid JSON for this operation", e);
        }
    }
}
