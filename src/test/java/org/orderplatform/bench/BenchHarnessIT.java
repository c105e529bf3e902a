package org.orderplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.ExtraServer;

/**
 * The benchmark harness cannot rot: {@code bench/run --smoke} - every step of a real run with tiny durations, on the
 * Liberty installation and application this build made - must produce a complete report: every scenario measured,
 * with requests answered and none failed, and a chart for each. Its figures are not looked at: speed is never a
 * test's business (bench/README.md).
 */
class BenchHarnessIT {

    private static final List<String> SCENARIOS = List.of("floor", "health", "get-order", "list-page",
            "create-order", "drain", "drain-roles", "pg-create-order", "pg-get-order", "redis-push", "redis-move");
    private static final Path WORK = Path.of("target/bench");

    @Test
    void shouldMeasureEveryScenarioWithoutErrors() throws Exception {
        for (String tool : List.of("wrk", "pgbench", "redis-benchmark")) {
            assumeTrue(onPath(tool), "Benchmark harness test skipped: " + tool + " not found; install Debian's wrk, "
                    + "postgresql-client and redis-tools (apt-get install -y wrk postgresql-client redis-tools)");
        }
        ProcessBuilder run = new ProcessBuilder("bench/run", "--smoke", "--no-build")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/bench-harness-it.log").toFile());
        run.environment().putAll(Map.of(
                "BENCH_TEMPLATE_SERVER", System.getProperty("it.server.name"),
                "BENCH_PG_PORT", Integer.toString(ExtraServer.freePort()),
                "BENCH_REDIS_PORT", Integer.toString(ExtraServer.freePort()),
                "BENCH_HTTP_PORT", Integer.toString(ExtraServer.freePort()),
                "BENCH_FLOOR_PORT", Integer.toString(ExtraServer.freePort()),
                "BENCH_WORKER_PORT", Integer.toString(ExtraServer.freePort())));
        Process process = run.start();
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        assertThat(ended && process.exitValue() == 0)
                .as("bench/run --smoke ended with 0; its output is in target/bench-harness-it.log")
                .isTrue();

        JsonObject report = json(WORK.resolve("results-smoke.json"));
        Map<String, List<JsonObject>> byScenario = report.getJsonArray("results").getValuesAs(JsonObject.class)
                .stream().collect(Collectors.groupingBy(result -> result.getString("scenario")));
        assertThat(byScenario).containsOnlyKeys(SCENARIOS);
        byScenario.values().stream().flatMap(List::stream).forEach(result -> {
            assertThat(result.getJsonNumber("requests_per_second").doubleValue()).as(result.toString()).isPositive();
            assertThat(result.getInt("errors")).as(result.toString()).isZero();
        });
        assertThat(report.getJsonObject("seconds_to_ready").keySet()).containsExactlyInAnyOrder("cold", "warm");
        try (Stream<Path> files = Files.list(WORK)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".svg")))
                    .containsExactlyInAnyOrderElementsOf(SCENARIOS.stream()
                            .map(scenario -> "results-smoke-" + scenario + ".svg").toList());
        }
        assertThat(Files.readString(WORK.resolve("results-smoke.md"))).contains("(b) GET /api/orders/{id}");
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, tool)).anyMatch(Files::isExecutable);
    }

    private static JsonObject json(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
