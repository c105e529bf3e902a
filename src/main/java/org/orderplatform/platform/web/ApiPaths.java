package org.orderplatform.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells API requests ({@code /api}, {@code /api/...}) from requests for the web app's static files. */
public final class ApiPaths {

    /** Where the API lives: the application's {@code @ApplicationPath} (web.xml's {@code /api/*} mappings too). */
    public static final String ROOT = "/api";

    private ApiPaths() {
    }

    /** The decoded, normalised path inside the application - what the servlet mappings see. */
    public static String pathOf(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = pathOf(request);
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }
}
