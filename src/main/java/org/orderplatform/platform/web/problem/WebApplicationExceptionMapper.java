package org.orderplatform.platform.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
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
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP errors raised by JAX-RS itself (unknown route, wrong method, wrong content type, ...) or by resources,
 * as problem responses. The headers of the original response (Allow, Location, WWW-Authenticate, Retry-After,
 * ...) are kept. The runtime's own messages are replaced - they name internals, not the client's mistake - while
 * a message a resource chose for a client error is kept as the detail.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Set<String> ENTITY_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE.toLowerCase(),
            HttpHeaders.CONTENT_LENGTH.toLowerCase(), HttpHeaders.CONTENT_LANGUAGE.toLowerCase());

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
        if (status < 400) {
            return original; // redirects and the like are not errors
        }
        if (status >= 500) {
            log.log(Level.SEVERE, "Request failed with " + status, exception);
        }
        Response.ResponseBuilder response = problems.response(problems.ofStatus(status, detail(exception), request));
        original.getStringHeaders().forEach((name, values) -> {
            if (!ENTITY_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private String detail(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String target = request.getMethod() + " " + request.getRequestURI();
        if (exception instanceof NotFoundException) {
            return "No resource at " + request.getRequestURI();
        }
        if (exception instanceof NotAllowedException notAllowed) {
            String allow = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return target + " is not supported" + (allow == null ? "" : "; allowed methods: " + allow);
        }
        if (exception instanceof NotSupportedException) {
            return (request.getContentType() == null ? "A Content-Type is required by "
                    : "Content-Type " + request.getContentType() + " is not supported by ") + target
                    + "; send application/json";
        }
        if (exception instanceof ForbiddenException) {
            return "The caller's roles do not allow " + target;
        }
        if (exception instanceof NotAcceptableException) {
            return "None of the media types in Accept can be produced by " + target;
        }
        if (status >= 500) {
            return Problems.INTERNAL_ERROR_DETAIL;
        }
        return isChosenByApplication(exception) ? exception.getMessage() : Problems.reasonPhrase(status);
    }

    /** JAX-RS fills in "HTTP 409 Conflict" when a resource gave no message; the runtime's own start "RESTEASY". */
    private static boolean isChosenByApplication(WebApplicationException exception) {
        String message = exception.getMessage();
        return message != null && !message.startsWith("HTTP " + exception.getResponse().getStatus())
                && !message.startsWith("RESTEASY");
    }
}
