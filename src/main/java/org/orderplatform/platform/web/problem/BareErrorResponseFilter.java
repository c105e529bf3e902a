package org.orderplatform.platform.web.problem;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives a problem body to error responses that the runtime sends without one - above all the 401 that mpJwt
 * answers for a missing, invalid or expired token (its WWW-Authenticate header is kept).
 */
public class BareErrorResponseFilter extends HttpFilter {

    @Inject
    Problems problems;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status >= 400 && !response.isCommitted() && response.getContentType() == null) {
            problems.send(problems.ofStatus(status, detail(status), request), response);
        }
    }

    private static String detail(int status) {
        return status == HttpServletResponse.SC_UNAUTHORIZED
                ? "A valid access token is required: send Authorization: Bearer <access_token>"
                : Problems.reasonPhrase(status);
    }
}
