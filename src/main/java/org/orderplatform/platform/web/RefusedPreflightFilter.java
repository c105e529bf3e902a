package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.orderplatform.platform.web.problem.PlatformProblem;

/**
 * Refuses a CORS preflight with the {@code cors-origin-rejected} problem (403). CORS itself is Liberty's
 * {@code <cors>} (server.xml, CORS_ALLOWED_ORIGINS): after the servlet filters, before the JAX-RS servlet, it
 * answers the preflights it approves, so every preflight that reaches JAX-RS was refused - and JAX-RS would
 * otherwise answer it like any OPTIONS request, with a 200 that only lacks the CORS headers.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RefusedPreflightFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext context) {
        String origin = context.getHeaderString("Origin");
        String requestedMethod = context.getHeaderString("Access-Control-Request-Method");
        if (HttpMethod.OPTIONS.equals(context.getMethod()) && origin != null && requestedMethod != null) {
            throw PlatformProblem.CORS_ORIGIN_REJECTED.exception(
                    "Cross-origin " + requestedMethod + " requests from " + origin + " are not allowed");
        }
    }
}
