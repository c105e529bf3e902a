package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claims is our failure: logged with its stack trace and the request id, answered
 * with a 500 that reveals nothing but that id.
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
        log.log(Level.SEVERE, "Unexpected failure of " + request.getMethod() + " " + request.getRequestURI(),
                exception);
        return problems.response(problems.of(ProblemType.INTERNAL_ERROR, Problems.INTERNAL_ERROR_DETAIL, request, List.of())).build();
    }
}
