package org.orderplatform.platform.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderplatform.platform.logging.RequestIds;

/**
 * Builds and sends problem responses, for JAX-RS and for plain servlet code alike, and counts them
 * ({@code api_problem_responses_total{status}}) so that error rates are visible on {@code /metrics}.
 */
@ApplicationScoped
public class Problems {

    static final String ABOUT_BLANK = "about:blank";
    /** All a client learns about a failure on our side. */
    static final String INTERNAL_ERROR_DETAIL =
            "The request could not be completed; quote the request id when reporting it";
    private static final Metadata PROBLEM_COUNTER = Metadata.builder()
            .withName("api.problem.responses")
            .withDescription("Problem (error) responses sent, by HTTP status")
            .build();

    @Inject
    Jsonb jsonb;

    @Inject
    MetricRegistry metrics;

    /** A problem of one of the platform's own types. */
    public ProblemDetails of(ProblemType type, String detail, HttpServletRequest request,
                             List<ProblemDetails.FieldError> errors) {
        return new ProblemDetails(type.uri(), type.title(), type.status(), detail, instance(request),
                RequestIds.of(request), errors);
    }

    /** A problem a feature raised. */
    public ProblemDetails of(ProblemException exception, HttpServletRequest request) {
        return new ProblemDetails(exception.type(), exception.title(), exception.status(), exception.getMessage(),
                instance(request), RequestIds.of(request), exception.errors());
    }

    /** A plain HTTP error: {@code about:blank} with the status' reason phrase as title (RFC 9457 §4.2.1). */
    public ProblemDetails ofStatus(int status, String detail, HttpServletRequest request) {
        return new ProblemDetails(ABOUT_BLANK, reasonPhrase(status), status, detail, instance(request),
                RequestIds.of(request), List.of());
    }

    /** The response to a feature's (or the platform's) refusal, with the headers it asks for. */
    public Response response(ProblemException exception, HttpServletRequest request) {
        Response.ResponseBuilder response = response(of(exception, request));
        exception.headers().forEach(response::header);
        return response.build();
    }

    public Response.ResponseBuilder response(ProblemDetails problem) {
        count(problem);
        return Response.status(problem.status()).type(ProblemDetails.MEDIA_TYPE).entity(problem);
    }

    public void send(ProblemDetails problem, HttpServletResponse response) throws IOException {
        count(problem);
        byte[] body = jsonb.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(ProblemDetails.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The path the client asked for - also on an error dispatch, where the request URI is the error page's. */
    private static String instance(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original == null ? request.getRequestURI() : original.toString();
    }

    static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status == 422 ? "Unprocessable Content" : "HTTP " + status;
    }

    private void count(ProblemDetails problem) {
        metrics.counter(PROBLEM_COUNTER, new Tag("status", Integer.toString(problem.status()))).inc();
    }
}
