package org.orderplatform.platform.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times every API request ({@code /api/*}) by method, route and status:
 * {@code api_request_duration_seconds_bucket{method,route,status,le}} (with {@code _count}, {@code _sum} and
 * {@code _max}), so that the HTTP error ratio and the p95 latency can be computed across replicas.
 *
 * <p>Why not Liberty's own metrics: {@code REST_request_seconds} carries no status code, and
 * {@code http_server_request_duration_seconds} is a summary (its quantiles cannot be aggregated over replicas)
 * whose {@code http_request_method} label takes whatever method a client sends - every invented method is a new
 * series. Here every label has a small, fixed set of values, so no client can grow the number of series:
 * <ul>
 *   <li>{@code method}: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, or {@code OTHER};</li>
 *   <li>{@code route}: the JAX-RS route template the request matched ({@code /api/orders/{id}}, set by
 *       {@link ApiRouteFilter}), never the raw path; {@value #UNMATCHED} for anything that matched no route
 *       (404s, and requests refused before JAX-RS matched them, e.g. an oversized body);</li>
 *   <li>{@code status}: the status code sent.</li>
 * </ul>
 * It is a servlet filter, not a JAX-RS one, so that it also sees what is answered outside JAX-RS (a 401 of mpJwt, a
 * 413 of the body limit). A live status stream (Server-Sent Events) is recorded when it ends: its duration is the
 * stream's lifetime, which is why latency queries leave out the {@code .../events} routes.
 */
public class ApiRequestMetrics extends HttpFilter {

    /** Named in server.xml too (its buckets): ServerXmlMetricNamesTest keeps the two the same. */
    public static final String REQUEST_DURATION = "api.request.duration";
    /** The request attribute {@link ApiRouteFilter} puts the matched route template in. */
    static final String ROUTE_ATTRIBUTE = ApiRequestMetrics.class.getName() + ".route";
    static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "OTHER";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Metadata DURATION = Metadata.builder()
            .withName(REQUEST_DURATION)
            .withDescription("API requests (/api/*) by method, route template and response status")
            .build();

    @Inject
    MetricRegistry metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Stopwatch stopwatch = Stopwatch.start();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new RecordOnComplete(stopwatch));
            } else {
                // an exception escaping the chain becomes a 500 of the container's error page
                int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
                record(request, status, stopwatch);
            }
        }
    }

    private void record(HttpServletRequest request, int status, Stopwatch stopwatch) {
        Object route = request.getAttribute(ROUTE_ATTRIBUTE);
        metrics.timer(DURATION, new Tag("method", methodOf(request.getMethod())),
                new Tag("route", route == null ? UNMATCHED : route.toString()),
                new Tag("status", Integer.toString(status)))
                .update(stopwatch.elapsed());
    }

    /**
     * The method as a label value: one of the methods HTTP defines for APIs, anything else is {@value #OTHER_METHOD}.
     */
    static String methodOf(String method) {
        return METHODS.contains(method) ? method : OTHER_METHOD;
    }

    /** Records an asynchronous request (a live stream) once it has ended, with the status it was sent with. */
    private final class RecordOnComplete implements AsyncListener {

        private final Stopwatch stopwatch;

        RecordOnComplete(Stopwatch stopwatch) {
            this.stopwatch = stopwatch;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // also called after a timeout or an error, once the response is complete: record once, here
            record((HttpServletRequest) event.getSuppliedRequest(),
                    ((HttpServletResponse) event.getSuppliedResponse()).getStatus(), stopwatch);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the stream goes on: onComplete still follows
        }
    }
}
