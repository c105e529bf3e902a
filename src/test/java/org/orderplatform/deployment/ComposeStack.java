package org.orderplatform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderplatform.testsupport.Docker;

/**
 * docker-compose.yml run by the tests as a learner runs it - {@code .env} written by scripts/ComposeEnv.java - with
 * the images the tests built, a project name of its own, a free port for the web front and an "edge" network of
 * its own, so that it never meets a stack a developer runs on the same engine.
 */
final class ComposeStack {

    private final String project = "opit-" + ProcessHandle.current().pid();
    private final Path envFile;
    private final Map<String, String> variables = new HashMap<>();
    private final int frontendPort = freePort();

    ComposeStack(Path directory) {
        try {
            Files.createDirectories(directory);
            envFile = directory.resolve(".env");
            Files.deleteIfExists(envFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var written = Docker.exec(List.of(java, "scripts/ComposeEnv.java", envFile.toString()), Duration.ofMinutes(1),
                Map.of());
        if (!written.ok()) {
            throw new AssertionError("scripts/ComposeEnv.java failed:\n" + written.output());
        }
        variables.putAll(Images.baseImageVariables());
        variables.put("ORDER_PLATFORM_IMAGE", Images.backend());
        variables.put("ORDER_PLATFORM_WEB_IMAGE", Images.web());
        variables.put("FRONTEND_PORT", Integer.toString(frontendPort));
        // outside the engine's default address pools (172.17-31.x, 192.168.x), which it hands to the other networks
        int subnet = 100 + (int) (ProcessHandle.current().pid() % 100);
        variables.put("EDGE_SUBNET", "172.16." + subnet + ".0/24");
        variables.put("FRONTEND_INTERNAL_ADDRESS", "172.16." + subnet + ".10");
    }

    Path envFile() {
        return envFile;
    }

    String project() {
        return project;
    }

    URI frontend() {
        return URI.create("http://127.0.0.1:" + frontendPort);
    }

    /** {@code docker compose ... args}, failing with its output unless it succeeds. */
    String ok(Duration timeout, String... args) {
        Docker.Result result = run(timeout, args);
        if (!result.ok()) {
            throw new AssertionError("docker compose " + String.join(" ", args) + " exited with " + result.exitCode()
                    + ":\n" + Docker.tail(result.output(), 8000));
        }
        return result.output();
    }

    Docker.Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("compose", "--project-name", project, "--file",
                "docker-compose.yml", "--env-file", envFile.toString()));
        command.addAll(List.of(args));
        return Docker.run(timeout, variables, command.toArray(String[]::new));
    }

    /** SQL through psql in the postgres container; the rows as psql prints them unaligned. */
    String sql(String statement) {
        return ok(Duration.ofMinutes(1), "exec", "-T", "postgres", "psql", "--username", "orderplatform",
                "--dbname", "orderplatform", "--tuples-only", "--no-align", "--command", statement).trim();
    }

    /** A JSON answer of Prometheus' HTTP API, fetched inside its container (its port is published nowhere). */
    String prometheus(String path) {
        return ok(Duration.ofMinutes(1), "exec", "-T", "prometheus", "wget", "-q", "-O", "-",
                "http://127.0.0.1:9090" + path);
    }

    /** Everything the containers logged, for the report of a failed test. */
    String logs() {
        return run(Duration.ofMinutes(1), "--profile", "monitoring", "logs", "--no-color", "--tail", "200").output();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
