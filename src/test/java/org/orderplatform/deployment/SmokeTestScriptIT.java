package org.orderplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Docker;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.NginxProxy;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.Replicas;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;

/**
 * The smoke test for pipelines to run after a deployment ({@code java scripts/SmokeTest.java [--public] BASE_URL
 * [TIMEOUT_SECONDS]}), run as a pipeline would - a separate JDK process: against the test server with a worker replica
 * and without one (the test server processes no order), through the web front's nginx, against a port where nothing
 * listens, and without arguments.
 */
class SmokeTestScriptIT {

    static final List<String> STEPS = List.of("health", "register", "login", "users/me", "place order",
            "order completed");
    /** Far below the script's default wait (120 s): a script that ignored TIMEOUT_SECONDS would not end in time. */
    static final Duration UNREACHABLE_RUN_LIMIT = Duration.ofSeconds(45);

    @RegisterExtension
    final Replicas replicas = new Replicas();

    /**
     * As in a pipeline, the script registers its customer from this machine's own address (it sends no
     * X-Forwarded-For), whose registration count other tests may have used up: it starts afresh here.
     */
    @BeforeAll
    static void forgetRegistrationsFromThisMachine() {
        try (Jedis redis = TestRedis.connect()) {
            redis.del("auth:registrations:address:127.0.0.1", "auth:registrations:address:0:0:0:0:0:0:0:0/64");
        }
    }

    @Test
    void shouldPassEveryStepAgainstTheTestServer() {
        replicas.start("smokeWorker", Processing.fast("APP_ROLE", "worker"));
        String base = base(Api.BASE.toString());

        Docker.Result run = smokeTest(Duration.ofMinutes(3), base, "120");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertOkLines(run.output(), STEPS);
        assertThat(run.output()).doesNotContain("FAIL");
        assertThat(run.output()).as("the backend's own /metrics is public: not checked without --public")
                .contains("skip metrics not public")
                .containsPattern("(?m)^smoke test passed against " + Pattern.quote(base) + " in [0-9.]+ s$");
        assertNoSecrets(run.output());
    }

    @Test
    void shouldPassWithThePublicChecksThroughTheWebFront() {
        replicas.start("smokeWorker", Processing.fast("APP_ROLE", "worker"));
        try (NginxProxy front = NginxProxy.start()) {
            Docker.Result run = smokeTest(Duration.ofMinutes(3), "--public", base(front.baseUri().toString()), "120");

            assertThat(run.exitCode()).as(run.output()).isZero();
            List<String> steps = new ArrayList<>(STEPS);
            steps.add(1, "metrics not public");
            assertOkLines(run.output(), steps);
            assertThat(run.output()).doesNotContain("FAIL");
            assertNoSecrets(run.output());
        }
    }

    @Test
    void shouldFailWithTheLastStatusSeenWhenNoWorkerProcessesTheOrder() {
        Docker.Result run = smokeTest(Duration.ofMinutes(1), base(Api.BASE.toString()), "5");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertOkLines(run.output(), STEPS.subList(0, STEPS.size() - 1));
        assertThat(run.output()).containsPattern("(?m)^FAIL order completed: order [0-9a-f-]{36} still PENDING"
                + " after 5 s \\(are the workers running and the queue reachable\\?\\)$");
    }

    @Test
    void shouldStopAtTheMetricsStepWhenMetricsArePublic() {
        Docker.Result run = smokeTest(Duration.ofMinutes(1), "--public", base(Api.BASE.toString()), "30");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).containsPattern("(?m)^ok   health \\(\\d+ ms\\)$")
                .containsPattern("(?m)^FAIL metrics not public: expected 404 or 403 \\(metrics must not be public\\), "
                        + "got 200: .+$")
                .as("the first failure ends the run").doesNotContain("register");
    }

    @Test
    void shouldFailTheHealthStepWithinItsTimeoutWhenNothingListens() {
        int port = ExtraServer.freePort();
        long started = System.nanoTime();

        Docker.Result run = smokeTest(UNREACHABLE_RUN_LIMIT, "http://127.0.0.1:" + port, "3");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(UNREACHABLE_RUN_LIMIT);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output().strip()).as("one line, no stack trace").isEqualTo("FAIL health: not ready within 3 s:"
                + " cannot connect to 127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void shouldExitWith2AndTheUsageWithoutArguments() {
        Docker.Result run = smokeTest(Duration.ofMinutes(1));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("usage: java scripts/SmokeTest.java [--public] BASE_URL [TIMEOUT_SECONDS]");
    }

    /** Runs the script with the JDK running the tests, from the project directory, as a pipeline would. */
    private static Docker.Result smokeTest(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "scripts/SmokeTest.java"));
        command.addAll(List.of(args));
        return Docker.exec(command, limit, Map.of());
    }

    private static String base(String url) {
        return url.replaceAll("/$", "");
    }

    private static void assertOkLines(String output, List<String> steps) {
        for (String step : steps) {
            assertThat(output).containsPattern("(?m)^ok   " + Pattern.quote(step) + " \\(\\d+ ms\\)$");
        }
    }

    /** Neither the access token (a JWT: base64url of '{"') nor the password (Smoke-UUID) is ever printed. */
    private static void assertNoSecrets(String output) {
        assertThat(output).doesNotContain("eyJ").doesNotContainPattern("Smoke-[0-9a-f]{8}-");
    }
}
