package org.orderplatform.platform.web.body;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.orderplatform.platform.web.problem.PlatformProblem;
import org.orderplatform.platform.web.problem.Problems;

/** A request body that could not be read: 400 (malformed) or 413 (too large). */
@Provider
@ApplicationScoped
public class UnreadableBodyExceptionMapper implements ExceptionMapper<UnreadableBodyException> {

    @Context
    HttpServletRequest request;

    @Inject
    Problems problems;

    @Override
    public Response toResponse(UnreadableBodyException exception) {
        Response.ResponseBuilder response = problems.response(
                problems.of(exception.type(), exception.getMessage(), request, List.of()));
        if (exception.type().equals(PlatformProblem.PAYLOAD_TOO_LARGE)) {
            // The rest of the body was never read: the connection cannot be reused.
            response.header("Connection", "close");
        }
        return response.build();
    }
}
