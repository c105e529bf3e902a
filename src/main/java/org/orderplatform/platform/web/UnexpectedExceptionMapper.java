package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claims. A body that could not be read is the client's fault (400, or 413 when it
 * was too large); anything else is ours: logged with its stack trace and the request id, answered with a 500
 * that reveals nothing but that id.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    HttpServletRequest request;

    @Inject
    Problems problems;

    @Inject
    Logger log;

    @Override
    public Response toResponse(Throwable exception) {
        RequestBodyTooLargeException tooLarge = causeOfType(exception, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return problems.response(problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), request,
                    List.of())).header("Connection", "close").build();
        }
        if (isUnreadableBody(exception)) {
            return problems.response(problems.of(ProblemType.MALFORMED_BODY,
                    "The request body is not valid JSON for this operation", request, List.of())).build();
        }
        log.log(Level.SEVERE, "Unexpected failure of " + request.getMethod() + " " + request.getRequestURI(),
                exception);
        return problems.response(problems.of(ProblemType.INTERNAL_ERROR,
                "The request could not be completed; quote the request id when reporting it", request,
                List.of())).build();
    }

    private static boolean isUnreadableBody(Throwable exception) {
        return exception instanceof ProcessingException
                || causeOfType(exception, JsonbException.class) != null
                || causeOfType(exception, JsonException.class) != null;
    }

    private static <T extends Throwable> T causeOfType(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
