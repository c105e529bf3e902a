package org.orderplatform.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Metrics;
import org.orderplatform.testsupport.Orders;

/**
 * What an operator reads on /metrics about API requests: api_request_duration_seconds by method, route and status - the
 * source of the error-ratio and latency alerts in monitoring/prometheus/rules.
 *
 * <p>Each series counts every client's requests of that method, route and status, and a request is timed just after
 * its response is written; so each test sends {@link #ROUNDS} requests and checks they were counted once each (see
 * {@link Metrics#assertMovedPerRound}) rather than reading an exact difference right after one request.
 */
class ApiRequestMetricsIT {

    static final int ROUNDS = 3;

    @Test
    void shouldCountASuccessfulRequestUnderItsRouteWithHistogramBuckets() {
        String token = Orders.newCustomer("measured");
        String before = Api.get("/metrics").body();

        for (int i = 0; i < ROUNDS; i++) {
            assertThat(Orders.get(token, "/api/orders?page=1&size=5").statusCode()).isEqualTo(200);
        }

        String count = series("_count", "GET", "/api/orders", "200", "");
        Metrics.assertMovedPerRound(count, Metrics.sampleIn(before, count), ROUNDS, 1);
        String all = series("_bucket", "GET", "/api/orders", "200", ",le=\"+Inf\"");
        String fast = series("_bucket", "GET", "/api/orders", "200", ",le=\"10.0\"");
        await("the histogram buckets").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String now = Api.get("/metrics").body();
            double counted = Metrics.sampleIn(now, count) - Metrics.sampleIn(before, count);
            assertThat(Metrics.sampleIn(now, all)).isEqualTo(Metrics.sampleIn(now, count));
            assertThat(Metrics.sampleIn(now, fast) - Metrics.sampleIn(before, fast)).as("a bucket of 10 s")
                    .isEqualTo(counted);
        });
    }

    @Test
    void shouldCountANotFoundProblemUnderTheRouteTemplateNotThePath() {
        String token = Orders.newCustomer("lost");
        double before = count("GET", "/api/orders/{id}", "404");

        for (int i = 0; i < ROUNDS; i++) {
            String id = UUID.randomUUID().toString();
            assertProblem(Orders.get(token, "/api/orders/" + id), 404, "/api/orders/" + id);
            assertThat(Api.get("/metrics").body()).doesNotContain(id);
        }

        Metrics.assertMovedPerRound(countSeries("GET", "/api/orders/{id}", "404"), before, ROUNDS, 1);
    }

    @Test
    void shouldCountPathsOfNoRouteAsOneUnmatchedRoute() {
        double before = count("GET", "unmatched", "404");

        for (int i = 0; i < ROUNDS; i++) {
            String path = "/api/no-such-thing/" + UUID.randomUUID();
            assertProblem(Api.get(path), 404, path);
            assertThat(Api.get("/metrics").body()).doesNotContain(path);
        }

        Metrics.assertMovedPerRound(countSeries("GET", "unmatched", "404"), before, ROUNDS, 1);
    }

    @Test
    void shouldCountAnUnauthenticatedRequestUnderItsRoute() {
        double before = count("GET", "/api/users/me", "401");

        for (int i = 0; i < ROUNDS; i++) {
            assertProblem(Api.get("/api/users/me"), 401, "/api/users/me");
        }

        Metrics.assertMovedPerRound(countSeries("GET", "/api/users/me", "401"), before, ROUNDS, 1);
    }

    @Test
    void shouldCountInventedMethodsAsOtherSoThatClientsCannotAddSeries() {
        double before = count("OTHER", "unmatched", "405");

        for (int i = 0; i < ROUNDS; i++) {
            String method = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            assertProblem(Api.send(Api.request("/api/orders").method(method, HttpRequest.BodyPublishers.noBody())),
                    405, "/api/orders");
            String metrics = Api.get("/metrics").body();
            assertThat(metrics).doesNotContainPattern("(?m)^api_request_duration_seconds.*" + method);
            // in no series at all: Liberty's own http_server_request_duration_seconds took it as a label value,
            // which is why server.xml switches Liberty's HTTP monitor off
            assertThat(metrics).doesNotContain(method);
        }

        Metrics.assertMovedPerRound(countSeries("OTHER", "unmatched", "405"), before, ROUNDS, 1);
    }

    private static double count(String method, String route, String status) {
        return Metrics.sample(countSeries(method, route, status));
    }

    private static String countSeries(String method, String route, String status) {
        return series("_count", method, route, status, "");
    }

    /** A regex for one series of the metric: {@code _count{method="GET",...,route="/api/orders",status="200",}}. */
    private static String series(String suffix, String method, String route, String status, String more) {
        return Pattern.quote("api_request_duration_seconds" + suffix + "{method=\"" + method
                + "\",mp_scope=\"application\",route=\"" + route + "\",status=\"" + status + "\"" + more) + ",?}";
    }
}
