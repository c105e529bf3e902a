package org.orderplatform.platform.web.webapp;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.orderplatform.platform.web.ApiPaths;
import org.orderplatform.platform.web.problem.Problems;

/**
 * The web app's static files are read-only: anything but GET, HEAD and OPTIONS outside {@code /api} gets a 405
 * problem (the container's file serving would otherwise answer a POST or PATCH with the file).
 */
public class StaticContentMethodFilter extends HttpFilter {

    static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String ALLOW = "GET, HEAD, OPTIONS";

    @Inject
    Problems problems;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ApiPaths.isApi(request) || READ_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Allow", ALLOW);
        problems.send(problems.ofStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                request.getMethod() + " is not supported for " + ApiPaths.pathOf(request) + "; allowed methods: "
                        + ALLOW, request),
                response);
    }
}
