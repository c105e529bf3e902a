package org.orderplatform.platform.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders a feature's {@link ProblemException} with its type, title, detail, field errors and headers. */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    HttpServletRequest request;

    @Inject
    Problems problems;

    @Override
    public Response toResponse(ProblemException exception) {
        return problems.response(exception, request);
    }
}
