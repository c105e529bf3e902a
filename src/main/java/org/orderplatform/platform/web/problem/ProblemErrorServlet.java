package org.orderplatform.platform.web.problem;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web container's error page (see web.xml): errors outside JAX-RS - unknown static paths, wrong methods on
 * static files, failures in filters - become problem responses too.
 */
public class ProblemErrorServlet extends HttpServlet {

    @Inject
    Problems problems;

    @Inject
    Logger log;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE), failure);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String detail;
        if (status >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            log.log(Level.SEVERE, "Unexpected failure of " + path, failure instanceof Throwable t ? t : null);
            detail = Problems.INTERNAL_ERROR_DETAIL;
        } else if (status == HttpServletResponse.SC_NOT_FOUND) {
            detail = "No resource at " + path;
        } else if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            detail = request.getMethod() + " is not supported for " + path;
        } else {
            detail = Problems.reasonPhrase(status);
        }
        // An error must never be cached: it would outlive its cause. (A missing fingerprinted file would otherwise
        // keep the year-long Cache-Control that WebAppFilter set before the file was looked for.)
        response.setHeader("Cache-Control", "no-store");
        problems.send(problems.ofStatus(status, detail, request), response);
    }

    /** The status the container chose; a request that reached this page directly is simply not found. */
    private static int status(Object code, Object failure) {
        if (code instanceof Integer number && number >= 400) {
            return number;
        }
        return failure == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
