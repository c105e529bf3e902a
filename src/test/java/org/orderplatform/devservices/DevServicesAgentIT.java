package org.orderplatform.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The dev-services agent in a JVM of its own, as the server JVM carries it: it starts real PostgreSQL and Redis
 * before the host's main runs, and a normal stop of the host (SIGTERM, as Ctrl-C or {@code server stop}) leaves
 * no PostgreSQL or Redis process behind.
 */
class DevServicesAgentIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private Process host;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void killHost() {
        if (host != null) {
            host.descendants().forEach(ProcessHandle::destroyForcibly);
            host.destroyForcibly();
        }
    }

    @Test
    void shouldServeRealPostgresAndRedisAndStopThemWithTheHost() throws Exception {
        int pgPort = freePort();
        int redisPort = freePort();
        host = startHost("pg=" + pgPort + ",redis=" + redisPort, Map.of());
        await().atMost(START_TIMEOUT).until(() -> output.stream().anyMatch(line -> line.equals("host running")));

        assertThat(output).anyMatch(line -> line.contains("PostgreSQL 17.") && line.contains(":" + pgPort));
        assertThat(output).anyMatch(line -> line.contains("Redis listening on localhost:" + redisPort));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/orderplatform",
                "orderplatform", "orderplatform");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("orderplatform");
        }
        try (Jedis redis = new Jedis("localhost", redisPort)) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }
        List<ProcessHandle> services = host.descendants().toList();
        assertThat(services).isNotEmpty();

        host.destroy(); // SIGTERM: the JVM runs its shutdown hooks

        assertThat(host.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(services).noneMatch(ProcessHandle::isAlive);
            assertThat(listening(pgPort)).isFalse();
            assertThat(listening(redisPort)).isFalse();
        });
    }

    @Test
    void shouldStartNothingWhenHostsAreConfigured() throws Exception {
        host = startHost("pg=" + freePort() + ",redis=" + freePort(),
                Map.of("DB_HOST", "db.example", "REDIS_HOST", "cache.example"));
        await().atMost(START_TIMEOUT).until(() -> output.stream().anyMatch(line -> line.equals("host running")));

        assertThat(output).anyMatch(line -> line.contains("DB_HOST is set") && line.contains("starting none"));
        assertThat(output).anyMatch(line -> line.contains("REDIS_HOST is set") && line.contains("starting none"));
        assertThat(host.descendants().toList()).isEmpty();
    }

    private Process startHost(String ports, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + System.getProperty("dev.services.agent") + "=" + dataDir + "," + ports,
                "-cp", System.getProperty("java.class.path"),
                AgentHost.class.getName())
                .redirectErrorStream(true);
        builder.environment().remove("DB_HOST");
        builder.environment().remove("REDIS_HOST");
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ignored) {
                // the host has gone
            }
        }, "agent-host-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
