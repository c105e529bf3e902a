package org.orderplatform.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine the container tests use, through the {@code docker} command on the PATH (with BuildKit), as a
 * learner would: {@code DOCKER_HOST} or the default socket. Without a reachable engine the tests are skipped with a
 * message; {@code .ci/run} starts one, so CI always runs them.
 */
public final class Docker {

    private static final Duration ENGINE_CHECK = Duration.ofSeconds(20);
    private static Boolean available;

    private Docker() {
    }

    /** What a command printed (stdout and stderr, interleaved) and how it ended. */
    public record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    public static void assumeEngine() {
        assumeTrue(engineReachable(), "No Docker engine is reachable (docker on the PATH, DOCKER_HOST or the default"
                + " socket): the image and compose tests are skipped. .ci/run starts one; docs/deploy.md says how.");
    }

    public static synchronized boolean engineReachable() {
        if (available == null) {
            try {
                available = run(ENGINE_CHECK, Map.of(), "version", "--format", "{{.Server.Version}}").ok();
            } catch (UncheckedIOException e) {
                available = false;
            }
        }
        return available;
    }

    /** Runs {@code docker args...}; fails the test, with the command's output, unless it exits with 0. */
    public static String ok(Duration timeout, Map<String, String> environment, String... args) {
        Result result = run(timeout, environment, args);
        if (!result.ok()) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited with " + result.exitCode()
                    + ":\n" + tail(result.output(), 6000));
        }
        return result.output();
    }

    public static String ok(String... args) {
        return ok(Duration.ofMinutes(2), Map.of(), args);
    }

    public static Result run(Duration timeout, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return exec(command, timeout, environment);
    }

    public static boolean imageExists(String image) {
        return run(ENGINE_CHECK, Map.of(), "image", "inspect", image).ok();
    }

    /** Runs any command from the project directory, output captured in a file (no pipe to fill up). */
    public static Result exec(List<String> command, Duration timeout, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("docker-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().put("DOCKER_BUILDKIT", "1");
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                            + ":\n" + tail(Files.readString(output), 6000));
                }
                return new Result(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String tail(String text, int characters) {
        return text.length() <= characters ? text : "..." + text.substring(text.length() - characters);
    }
}
