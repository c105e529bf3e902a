package org.orderplatform.platform.web.input;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderplatform.platform.web.problem.PlatformProblem;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * Every path, query and form parameter of every operation must be {@link PlainText} (one line): 422 naming the
 * parameter otherwise, before any resource sees it; a query string that is not percent-encoded UTF-8 is a 400.
 * Runs after authentication and authorization, so that an anonymous caller learns nothing more than 401/403.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class ParameterTextFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Map<String, String> errors = new LinkedHashMap<>();
        check(context.getUriInfo().getPathParameters(), errors);
        Map<String, List<String>> query = queryParameters(context);
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
            // the container's parameter map holds the query's parameters too
            formParameters().forEach((name, values) -> check(name, List.of(values), errors));
        } else {
            check(query, errors);
        }
        if (!errors.isEmpty()) {
            List<FieldError> fields = new ArrayList<>();
            errors.forEach((field, message) -> fields.add(new FieldError(field, message)));
            throw ProblemException.invalid(fields);
        }
    }

    /**
     * The decoded query parameters; 400 for a query string that is not percent-encoded UTF-8, and for a URL that is
     * no URI at all (JAX-RS fails on it with a 500 when asked for the parameters).
     */
    private Map<String, List<String>> queryParameters(ContainerRequestContext context) {
        String query = request.getQueryString();
        if (query != null && !QueryString.isPercentEncodedUtf8(query)) {
            throw malformed(QueryString.MALFORMED);
        }
        try {
            return context.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw malformed("The request URL is not a well-formed URI");
        }
    }

    /**
     * The form's parameters (and the query's), as the container parses them - JAX-RS takes {@code @FormParam} from
     * there too; 400 for a form the container cannot parse, which it reports as if it were our failure.
     */
    private Map<String, String[]> formParameters() {
        try {
            return request.getParameterMap();
        } catch (IllegalArgumentException e) {
            throw PlatformProblem.MALFORMED_BODY.exception("The form body is not percent-encoded");
        }
    }

    private static ProblemException malformed(String detail) {
        return PlatformProblem.MALFORMED_QUERY.exception(detail);
    }

    private static void check(Map<String, List<String>> parameters, Map<String, String> errors) {
        parameters.forEach((name, values) -> check(name, values, errors));
    }

    private static void check(String name, List<String> values, Map<String, String> errors) {
        for (String value : values) {
            PlainText.problem(value).ifPresent(problem -> errors.putIfAbsent(name, problem));
        }
    }
}
