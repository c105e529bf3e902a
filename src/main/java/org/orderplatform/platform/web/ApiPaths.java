package org.orderplatform.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells API requests ({@code /api}, {@code /api/...}) from requests for the web app's static files. */
final class ApiPaths {

    private ApiPaths() {
    }

    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static boolean isApi(HttpServletRequest request) {
        String path = pathOf(request);
        return path.equals("/api") || path.startsWith("/api/");
    }
}
