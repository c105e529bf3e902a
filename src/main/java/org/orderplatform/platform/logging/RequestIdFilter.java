package org.orderplatform.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Gives every request an id, echoes it in {@code X-Request-ID} and makes it available to logging. */
public class RequestIdFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // On an error dispatch the request already has its id; the error page must log and answer with it.
        String existing = RequestIds.of(request);
        String id = existing != null ? existing : RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        RequestIds.bind(request, id);
        response.setHeader(RequestIds.HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestIds.unbind();
        }
    }
}
