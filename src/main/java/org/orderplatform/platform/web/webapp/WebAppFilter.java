package org.orderplatform.platform.web.webapp;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.web.ApiPaths;

/**
 * Serves the web app as {@link WebAppRoutes} lays it out, with the caching each kind of file needs: fingerprinted
 * files are immutable (their URL changes with their content); everything else - index.html above all, which names
 * the current fingerprints - is revalidated on every use ({@code no-cache}: a 304 while unchanged), so a release
 * reaches browsers at once. Only reads outside {@code /api} get here: other methods were refused before
 * (StaticContentMethodFilter), and forwards are not filtered again.
 */
public class WebAppFilter extends HttpFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /**
     * The local run ({@code APP_ENV=development}, as set by the dev services) revalidates fingerprinted files too:
     * a developer edits files without changing the fingerprints in index.html, and must see the edit on reload.
     */
    @Inject
    @ConfigProperty(name = "APP_ENV")
    String environment;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (ApiPaths.isApi(request) || !(method.equals("GET") || method.equals("HEAD"))) {
            chain.doFilter(request, response);
            return;
        }
        String path = ApiPaths.pathOf(request);
        Optional<String> fingerprinted = WebAppRoutes.fileOfFingerprinted(path);
        if (WebAppRoutes.isDeploymentFile(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (WebAppRoutes.isIndexPage(path)) {
            response.setHeader("Cache-Control", REVALIDATE);
            request.getRequestDispatcher(WebAppRoutes.INDEX).forward(request, response);
        } else if (fingerprinted.isPresent()) {
            response.setHeader("Cache-Control", "development".equals(environment) ? REVALIDATE : IMMUTABLE);
            request.getRequestDispatcher(fingerprinted.get()).forward(request, response);
        } else {
            response.setHeader("Cache-Control", REVALIDATE);
            chain.doFilter(request, response);
        }
    }
}
