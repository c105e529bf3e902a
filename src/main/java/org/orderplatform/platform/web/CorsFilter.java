package org.orderplatform.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS for {@code /api/*}, driven by the {@code CORS_ALLOWED_ORIGINS} allow-list (comma-separated exact origins).
 * Closed by default: with no list, no cross-origin response headers are ever sent and preflights are refused.
 */
public class CorsFilter extends HttpFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match, "
            + "Idempotency-Key, X-Request-ID";
    /** Response headers a browser app may read: the ones the API's operations document. */
    static final String EXPOSED_HEADERS = "X-Request-ID, Location, ETag, Retry-After, List-As-Of, "
            + "Idempotent-Replayed";

    @Inject
    @ConfigProperty(name = "CORS_ALLOWED_ORIGINS")
    Optional<List<String>> configuredOrigins;

    @Inject
    Problems problems;

    private Set<String> allowedOrigins;

    @Override
    public void init() {
        allowedOrigins = configuredOrigins.orElse(List.of()).stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = allowedOrigins.contains(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight && !allowed) {
            problems.send(problems.of(PlatformProblem.CORS_ORIGIN_REJECTED,
                    "Cross-origin requests from " + origin + " are not allowed", request, List.of()), response);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}
