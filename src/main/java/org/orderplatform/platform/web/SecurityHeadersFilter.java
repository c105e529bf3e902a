package org.orderplatform.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser hardening headers on every response; API responses are never cached (they carry user data). The
 * Content-Security-Policy lets the web app load only its own files (it has no inline scripts or styles and uses no
 * CDN); API responses and error pages are JSON, which a browser must never run or frame, so they get the strictest
 * policy. Liberty's own endpoints (/openapi/ui, /health, /metrics) are other applications and keep their own headers.
 */
public class SecurityHeadersFilter extends HttpFilter {

    public static final String WEB_APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";
    public static final String JSON_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean api = ApiPaths.isApi(request);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                api || request.getDispatcherType() == DispatcherType.ERROR ? JSON_POLICY : WEB_APP_POLICY);
        if (api) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
