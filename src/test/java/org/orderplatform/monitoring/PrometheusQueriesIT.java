package org.orderplatform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;

/**
 * Every PromQL expression of the monitoring assets - each recording rule, the signal of each alert, each query of the
 * Grafana dashboard - returns series from a real Prometheus (Debian's package) that scrapes the platform: the test
 * server (job backend, APP_ROLE=api) and a worker replica this test starts (job worker), every second, with the
 * rules file loaded. So a metric name that the platform does not expose, or a label it does not have, fails here.
 * Skipped without Debian's {@code prometheus}.
 */
class PrometheusQueriesIT {

    private static final Path WORK = Path.of("target/prometheus-it").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    static ExtraServer worker;
    static Process prometheus;
    static URI prometheusBase;

    @BeforeAll
    static void startWorkerAndPrometheus() throws Exception {
        Path binary = Promtool.require("prometheus");
        Processing.setAsideBacklog();
        worker = ExtraServer.start("monitoringWorker", Processing.fast("APP_ROLE", "worker"));
        prometheus = startPrometheus(binary, worker.base().getPort());
        await("Prometheus scraping both replicas").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> query("up == 1").size() == 2);
        generateTraffic();
        // a second round after Prometheus has seen the series of the first, so that every rate() is above zero
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        generateTraffic();
        await("the second round scraped").pollDelay(Duration.ofSeconds(4)).until(() -> true);
    }

    @AfterAll
    static void stopPrometheusAndWorker() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor();
            }
        }
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void shouldReturnSeriesForEveryRecordingRuleAndAlertSignal() {
        assertEveryQueryReturnsSeries(MonitoringAssets.ruleQueries());
    }

    @Test
    void shouldReturnSeriesForEveryDashboardQuery() {
        assertEveryQueryReturnsSeries(MonitoringAssets.dashboardQueries());
    }

    @Test
    void shouldLoadAndEvaluateEveryRuleWithoutError() {
        List<JsonObject> rules = get("/api/v1/rules").getJsonObject("data").getJsonArray("groups").stream()
                .flatMap(group -> group.asJsonObject().getJsonArray("rules").stream()).map(JsonValue::asJsonObject)
                .toList();

        assertThat(rules).hasSize(MonitoringAssets.rules().size());
        assertThat(rules).allSatisfy(rule -> assertThat(rule.getString("health"))
                .as("%s: %s", rule.getString("name"), rule.getString("lastError", "")).isEqualTo("ok"));
    }

    @Test
    void shouldLabelEachReplicaWithItsJobAndRole() {
        assertThat(query("up{job=\"backend\",role=\"api\"} == 1")).hasSize(1);
        assertThat(query("up{job=\"worker\",role=\"worker\"} == 1")).hasSize(1);
        assertThat(query("order_jobs_processed_total{job=\"worker\"} > 0")).as("orders processed by the worker")
                .hasSize(1);
    }

    private static void assertEveryQueryReturnsSeries(Map<String, String> queries) {
        List<String> empty = new ArrayList<>();
        queries.forEach((name, promql) -> {
            if (query(promql).isEmpty()) {
                empty.add(name + ": " + promql);
            }
        });
        assertThat(empty).as("queries that returned no series from Prometheus scraping the platform").isEmpty();
    }

    /**
     * What an operator's day looks like, in small: a customer registers, logs in, places orders that the worker
     * completes, reads the order list twice (a cache miss, then a hit), asks for an order that does not exist (404)
     * and calls the API without a token (401).
     */
    private static void generateTraffic() {
        String email = Accounts.newUser("monitored").getString("email");
        String token = Accounts.accessToken(email, Accounts.PASSWORD);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(Orders.place(token).getString("id"));
        }
        Processing.awaitAll(placed, "COMPLETED");
        for (int i = 0; i < 2; i++) {
            assertThat(Orders.get(token, "/api/orders?page=1&size=10").statusCode()).isEqualTo(200);
        }
        String missing = "/api/orders/" + UUID.randomUUID();
        assertProblem(Orders.get(token, missing), 404, missing);
        assertProblem(Api.get("/api/users/me"), 401, "/api/users/me");
    }

    private static Process startPrometheus(Path binary, int workerPort) throws IOException {
        Files.createDirectories(WORK);
        Path config = WORK.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: backend
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["localhost:%d"]
                        labels: {role: api}
                  - job_name: worker
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["localhost:%d"]
                        labels: {role: worker}
                """.formatted(MonitoringAssets.RULES.toAbsolutePath(), Integer.getInteger("it.http.port"),
                workerPort));
        int port = freePort();
        prometheusBase = URI.create("http://127.0.0.1:" + port);
        Path data = WORK.resolve("data-" + System.currentTimeMillis());
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("prometheus.log").toFile()))
                .start();
        await("Prometheus ready on " + prometheusBase).atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Prometheus exited; see " + WORK.resolve("prometheus.log"));
                    }
                    try {
                        return Api.send(Api.request(prometheusBase, "/-/ready")).statusCode() == 200;
                    } catch (UncheckedIOException e) {
                        return false;
                    }
                });
        return process;
    }

    /** The result of an instant query: one element per series; an assertion error if Prometheus refuses it. */
    private static List<JsonValue> query(String promql) {
        JsonObject answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return answer.getJsonObject("data").getJsonArray("result");
    }

    private static JsonObject get(String path) {
        HttpResponse<String> response = Api.send(Api.request(prometheusBase, path));
        assertThat(response.statusCode()).as("Prometheus %s: %s", path, response.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
