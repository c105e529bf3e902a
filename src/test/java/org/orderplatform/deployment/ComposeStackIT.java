package org.orderplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.orderplatform.testsupport.Docker;

/**
 * docker-compose.yml brought up for real, the way docs/deploy.md tells a learner to: every service healthy, a user's
 * journey through the web front (the only published port) with the order completed by a worker container and its
 * status pushed through the proxy as Server-Sent Events, workers scaled to three and one stopped under load without
 * an order lost or completed twice, Prometheus scraping every replica with the rules loaded, and the data still there
 * after down and up. The steps share one stack and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {

    private static final Duration UP = Duration.ofMinutes(6);
    private static final Path DIRECTORY = Path.of("target", "compose-it");
    private static final int ORDERS = 100;

    private static ComposeStack stack;
    private static PlatformClient platform;
    private static String firstUser;
    private static String firstOrder;

    @BeforeAll
    static void images() {
        Docker.assumeEngine();
        assumeTrue(Docker.run(Duration.ofSeconds(20), Map.of(), "compose", "version").ok(), "The Docker engine has no"
                + " Compose v2 plugin (docker compose): docker-compose.yml is not run. docs/deploy.md says how.");
        stack = new ComposeStack(DIRECTORY);
        platform = new PlatformClient(stack.frontend());
    }

    @AfterAll
    static void down() throws IOException {
        if (stack != null) {
            Files.writeString(DIRECTORY.resolve("containers.log"), stack.logs());
            stack.run(Duration.ofMinutes(3), "--profile", "monitoring", "down", "--volumes", "--remove-orphans",
                    "--timeout", "30");
        }
    }

    @Test
    @Order(1)
    void shouldValidateWithAndWithoutTheMonitoringProfileAndRefuseMissingSecrets() throws IOException {
        assertThat(stack.ok(Duration.ofMinutes(1), "config", "--services").lines())
                .containsExactlyInAnyOrder("postgres", "redis", "backend", "worker", "frontend");
        assertThat(stack.ok(Duration.ofMinutes(1), "--profile", "monitoring", "config", "--services").lines())
                .containsExactlyInAnyOrder("postgres", "redis", "backend", "worker", "frontend", "prometheus",
                        "grafana");
        stack.ok(Duration.ofMinutes(1), "--profile", "monitoring", "config", "--quiet");

        Path withoutSecrets = DIRECTORY.resolve("no-secrets.env");
        Files.writeString(withoutSecrets, "");
        var refused = Docker.run(Duration.ofMinutes(1), Map.of(), "compose", "--file",
                "docker-compose.yml", "--env-file", withoutSecrets.toString(), "config", "--quiet");
        assertThat(refused.ok()).isFalse();
        assertThat(refused.output()).as("names a missing secret and where to set it")
                .containsPattern("required variable [A-Z_]+ is missing a value: set [A-Z_]+ in .env");
    }

    @Test
    @Order(2)
    void shouldComeUpHealthyAndServeAUserJourneyThroughTheWebFront() {
        stack.ok(UP, "--profile", "monitoring", "up", "--detach", "--wait", "--no-build",
                "postgres", "redis", "backend", "worker", "frontend", "prometheus");

        assertThat(platform.get("/", null).body()).contains("<script type=\"module\"");
        assertThat(platform.get("/metrics", null).statusCode()).as("metrics are for Prometheus only").isEqualTo(404);
        assertThat(platform.get("/health/ready", null).statusCode()).isEqualTo(200);

        firstUser = platform.newUser("compose");
        assertThat(platform.get("/api/users/me", firstUser).statusCode()).isEqualTo(200);
        // The worker is stopped while the order is placed and its stream opened, and started once the stream is open:
        // COMPLETED must be pushed to the open stream (a worker quicker than the subscription would leave only the
        // snapshot a late subscriber gets, and this test waiting for a change that already happened).
        stack.ok(Duration.ofMinutes(1), "stop", "worker");
        firstOrder = platform.placeOrder(firstUser);
        String events = platform.awaitStatusEvent(firstUser, firstOrder, "COMPLETED", Duration.ofMinutes(4),
                () -> stack.ok(Duration.ofMinutes(1), "start", "worker"));
        assertThat(events).contains("event: status");
        assertThat(platform.status(firstUser, firstOrder)).isEqualTo("COMPLETED");
        assertHardened();
        String worker = stack.ok(Duration.ofMinutes(1), "ps", "--quiet", "worker").trim();
        assertThat(stack.sql("SELECT claimed_by FROM order_jobs WHERE order_id = '" + firstOrder + "'"))
                .as("claimed by a worker thread of the worker container (host name:pid/worker-n), not by the API")
                .startsWith(worker.substring(0, 12) + ":").contains("/worker-");
    }

    @Test
    @Order(3)
    void shouldCompleteEveryOrderExactlyOnceWithThreeWorkersWhileOneIsStopped() throws Exception {
        stack.ok(UP, "--profile", "monitoring", "up", "--detach", "--wait", "--no-build", "--no-recreate",
                "--scale", "worker=3", "worker");
        List<String> workers = stack.ok(Duration.ofMinutes(1), "ps", "--quiet", "worker").lines().toList();
        assertThat(workers).hasSize(3);
        awaitTargetsUp(3);

        // five customers: the web front is one client address, and REGISTRATIONS_PER_ADDRESS (10 an hour) applies
        List<String> users = IntStream.range(0, 5).mapToObj(i -> platform.newUser("scale")).toList();
        List<String> placed = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String user = users.get(i % users.size());
                orders.add(clients.submit(() -> platform.placeOrder(user)));
                if (i == ORDERS / 3) {
                    // mid-load: SIGTERM to one worker; its jobs in hand are finished or handed back
                    clients.submit(() -> Docker.ok(Duration.ofMinutes(1), Map.of(), "stop", "--time", "30",
                            workers.get(1)));
                }
            }
            for (Future<String> order : orders) {
                placed.add(order.get());
            }
        } finally {
            clients.shutdown();
        }
        assertThat(placed).hasSize(ORDERS).doesNotHaveDuplicates();

        String scaleOrders = "SELECT o.id FROM orders o JOIN users u ON u.id = o.owner_id"
                + " WHERE u.email LIKE 'scale-%'";
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(stack.sql("SELECT count(*) FROM orders WHERE status = 'COMPLETED' AND id IN ("
                        + scaleOrders + ")")).isEqualTo(Integer.toString(ORDERS)));
        assertThat(stack.sql("SELECT count(*) FROM (" + scaleOrders + ") placed")).isEqualTo(Integer.toString(ORDERS));
        assertThat(stack.sql("SELECT count(*) FROM order_status_history WHERE to_status = 'COMPLETED'"
                + " AND order_id IN (" + scaleOrders + ")")).as("one COMPLETED transition per order")
                .isEqualTo(Integer.toString(ORDERS));
        assertThat(stack.sql("SELECT count(*) FROM order_jobs WHERE state = 'DONE' AND order_id IN ("
                + scaleOrders + ")")).as("one finished job per order").isEqualTo(Integer.toString(ORDERS));
        assertThat(stack.sql("SELECT count(DISTINCT split_part(claimed_by, '/', 1)) FROM order_jobs WHERE order_id IN ("
                + scaleOrders + ")")).as("the work was shared by the worker containers")
                .satisfies(count -> assertThat(Integer.parseInt(count)).isGreaterThan(1));

        String stopped = workers.get(1);
        assertThat(stack.sql("SELECT count(*) FROM order_jobs WHERE state = 'DONE' AND claimed_by LIKE '"
                + stopped.substring(0, 12) + ":%'")).as("the stopped worker had been working")
                .satisfies(count -> assertThat(Integer.parseInt(count)).isPositive());
        assertThat(Docker.ok("inspect", "--format", "{{.State.ExitCode}}", stopped).trim())
                .as("stopped by its SIGTERM, not killed after the grace period").isNotEqualTo("137");
        assertThat(Docker.ok("logs", stopped)).as("Liberty stopped the application cleanly (its workers drained)")
                .contains("CWWKE0085I", "CWWKZ0009I");
    }

    @Test
    @Order(4)
    void shouldLetPrometheusLoadEveryAlertRule() throws IOException {
        JsonObject rules = json(stack.prometheus("/api/v1/rules?type=alert"));
        List<String> loaded = rules.getJsonObject("data").getJsonArray("groups").getValuesAs(JsonObject.class)
                .stream().flatMap(group -> group.getJsonArray("rules").getValuesAs(JsonObject.class).stream())
                .map(rule -> rule.getString("name") + ":" + rule.getString("health")).toList();
        long written = Files.readAllLines(Path.of("monitoring/prometheus/rules/order-platform.yml")).stream()
                .filter(line -> line.trim().startsWith("- alert:")).count();
        assertThat(loaded).hasSize((int) written).allSatisfy(rule -> assertThat(rule).endsWith(":ok"));
    }

    @Test
    @Order(5)
    void shouldKeepTheDataAcrossDownAndUp() {
        assertThat(stack.ok(Duration.ofMinutes(1), "exec", "-T", "redis", "redis-cli", "CONFIG", "GET",
                "appendonly")).contains("yes");
        stack.ok(Duration.ofMinutes(3), "--profile", "monitoring", "down", "--timeout", "30");
        stack.ok(UP, "--profile", "monitoring", "up", "--detach", "--wait", "--no-build",
                "postgres", "redis", "backend", "worker", "frontend", "prometheus");

        assertThat(platform.status(firstUser, firstOrder)).as("the access token and the order outlived the containers")
                .isEqualTo("COMPLETED");
        // as in the first test: COMPLETED pushed to an open stream, by a worker started once it is open
        stack.ok(Duration.ofMinutes(1), "stop", "worker");
        String next = platform.placeOrder(firstUser);
        platform.awaitStatusEvent(firstUser, next, "COMPLETED", Duration.ofMinutes(4),
                () -> stack.ok(Duration.ofMinutes(1), "start", "worker"));
    }

    /**
     * Every container of the platform runs hardened - read-only root, no capabilities, no privilege escalation, a
     * memory limit, a non-root user - and only the web front publishes a port.
     */
    private static void assertHardened() {
        for (String id : stack.ok(Duration.ofMinutes(1), "ps", "--quiet").lines().toList()) {
            JsonObject container;
            try (var reader = Json.createReader(new StringReader(Docker.ok("inspect", id)))) {
                container = reader.readArray().getJsonObject(0);
            }
            String service = container.getJsonObject("Config").getJsonObject("Labels")
                    .getString("com.docker.compose.service");
            JsonObject host = container.getJsonObject("HostConfig");
            assertThat(host.getBoolean("ReadonlyRootfs")).as(service + " read-only root").isTrue();
            assertThat(host.getJsonArray("CapDrop").toString()).as(service + " capabilities").contains("\"ALL\"");
            assertThat(host.getJsonArray("SecurityOpt").toString()).as(service).contains("no-new-privileges:true");
            assertThat(host.getJsonNumber("Memory").longValue()).as(service + " memory limit").isPositive();
            assertThat(container.getJsonObject("Config").getString("User")).as(service + " user")
                    .isNotBlank().isNotIn("root", "0", "0:0");
            boolean publishes = container.getJsonObject("NetworkSettings").getJsonObject("Ports").values().stream()
                    .anyMatch(bindings -> bindings.getValueType() == jakarta.json.JsonValue.ValueType.ARRAY);
            assertThat(publishes).as(service + " publishes a port").isEqualTo(service.equals("frontend"));
        }
    }

    /** Prometheus scrapes the backend and every worker replica (found through Docker's DNS). */
    private static void awaitTargetsUp(int workers) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            List<JsonObject> targets = json(stack.prometheus("/api/v1/targets?state=active")).getJsonObject("data")
                    .getJsonArray("activeTargets").getValuesAs(JsonObject.class);
            assertThat(targets).filteredOn(target -> target.getJsonObject("labels").getString("job").equals("worker"))
                    .hasSize(workers).allSatisfy(target -> assertThat(target.getString("health")).isEqualTo("up"));
            assertThat(targets).filteredOn(target -> target.getJsonObject("labels").getString("job").equals("backend"))
                    .singleElement().satisfies(target -> assertThat(target.getString("health")).isEqualTo("up"));
        });
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
