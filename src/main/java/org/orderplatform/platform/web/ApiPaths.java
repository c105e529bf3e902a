package org.orderplatform.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells API requests ({@code /api}, {@code /api/...}) from requests for the web app's static files. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** The decoded, normalised path inside the application - what the servlet mappings see. */
    public static String pathOf(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = pathOf(request);
        return path.equals("/api") || path.startsWith("/api/");
    }
}
