package org.orderplatform.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Metrics;
import org.orderplatform.testsupport.Orders;

/**
 * What an operator reads on /metrics about API requests: api_request_duration_seconds by method, route template and
 * status - the source of the error-ratio and latency alerts in monitoring/prometheus/rules.
 */
class ApiRequestMetricsIT {

    @Test
    void shouldCountASuccessfulRequestUnderItsRouteWithHistogramBuckets() {
        String token = Orders.newCustomer("measured");
        double before = count("GET", "/api/orders", "200");

        assertThat(Orders.get(token, "/api/orders?page=1&size=5").statusCode()).isEqualTo(200);

        assertThat(count("GET", "/api/orders", "200")).isEqualTo(before + 1);
        assertThat(Metrics.sample(series("_bucket", "GET", "/api/orders", "200", ",le=\"+Inf\"")))
                .isEqualTo(before + 1);
        assertThat(Metrics.sample(series("_bucket", "GET", "/api/orders", "200", ",le=\"10.0\"")))
                .as("a bucket of 10 s").isEqualTo(before + 1);
    }

    @Test
    void shouldCountANotFoundProblemUnderTheRouteTemplateNotThePath() {
        String token = Orders.newCustomer("lost");
        String id = UUID.randomUUID().toString();
        double before = count("GET", "/api/orders/{id}", "404");

        assertProblem(Orders.get(token, "/api/orders/" + id), 404, "/api/orders/" + id);

        assertThat(count("GET", "/api/orders/{id}", "404")).isEqualTo(before + 1);
        assertThat(Api.get("/metrics").body()).doesNotContain(id);
    }

    @Test
    void shouldCountPathsOfNoRouteAsOneUnmatchedRoute() {
        String path = "/api/no-such-thing/" + UUID.randomUUID();
        double before = count("GET", "unmatched", "404");

        assertProblem(Api.get(path), 404, path);

        assertThat(count("GET", "unmatched", "404")).isEqualTo(before + 1);
        assertThat(Api.get("/metrics").body()).doesNotContain(path);
    }

    @Test
    void shouldCountAnUnauthenticatedRequestUnderItsRoute() {
        double before = count("GET", "/api/users/me", "401");

        assertProblem(Api.get("/api/users/me"), 401, "/api/users/me");

        assertThat(count("GET", "/api/users/me", "401")).isEqualTo(before + 1);
    }

    @Test
    void shouldCountInventedMethodsAsOtherSoThatClientsCannotAddSeries() {
        String method = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        double before = count("OTHER", "unmatched", "405");

        assertProblem(Api.send(Api.request("/api/orders").method(method, HttpRequest.BodyPublishers.noBody())), 405,
                "/api/orders");

        assertThat(count("OTHER", "unmatched", "405")).isEqualTo(before + 1);
        // (Liberty's own http_server_request_duration_seconds does take the invented method as a label value)
        assertThat(Api.get("/metrics").body()).doesNotContainPattern("(?m)^api_request_duration_seconds.*" + method);
    }

    private static double count(String method, String route, String status) {
        return Metrics.sample(series("_count", method, route, status, ""));
    }

    /** A regex for one series of the metric, e.g. {@code _count{method="GET",...,route="/api/orders",status="200",}}. */
    private static String series(String suffix, String method, String route, String status, String more) {
        return Pattern.quote("api_request_duration_seconds" + suffix + "{method=\"" + method
                + "\",mp_scope=\"application\",route=\"" + route + "\",status=\"" + status + "\"" + more) + ",?}";
    }
}
