package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP errors raised by JAX-RS itself (unknown route, wrong method, wrong content type, ...) or by resources,
 * as problem responses. The runtime's own messages are replaced: they name internals, not the client's mistake.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Inject
    Problems problems;

    @Inject
    Logger log;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            log.log(Level.SEVERE, "Request failed with " + status, exception);
        }
        Response.ResponseBuilder response = problems.response(problems.ofStatus(status, detail(exception), request));
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        if (original.getHeaderString(HttpHeaders.RETRY_AFTER) != null) {
            response.header(HttpHeaders.RETRY_AFTER, original.getHeaderString(HttpHeaders.RETRY_AFTER));
        }
        return response.build();
    }

    private String detail(WebApplicationException exception) {
        String target = request.getMethod() + " " + request.getRequestURI();
        if (exception instanceof NotFoundException) {
            return "No resource at " + request.getRequestURI();
        }
        if (exception instanceof NotAllowedException notAllowed) {
            String allow = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return target + " is not supported" + (allow == null ? "" : "; allowed methods: " + allow);
        }
        if (exception instanceof NotSupportedException) {
            return "Content-Type " + request.getContentType() + " is not supported by " + target
                    + "; send application/json";
        }
        if (exception instanceof NotAcceptableException) {
            return "None of the media types in Accept can be produced by " + target;
        }
        if (exception.getResponse().getStatus() >= 500) {
            return "The request could not be completed; quote the request id when reporting it";
        }
        return Problems.reasonPhrase(exception.getResponse().getStatus());
    }
}
