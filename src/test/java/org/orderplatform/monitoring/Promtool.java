package org.orderplatform.monitoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.orderplatform.testsupport.Executables;

/**
 * Prometheus' command-line tools from Debian's {@code prometheus} package ({@code promtool}, {@code prometheus}):
 * found on the PATH or in /usr/bin; a test that needs one is skipped, saying how to install it, where it is missing.
 */
final class Promtool {

    private Promtool() {
    }

    /** A finished run: exit code and everything it printed. */
    record Run(int exitCode, String output) {
    }

    /** The executable {@code name}, or the test is skipped. */
    static Path require(String name) {
        Optional<Path> found = Executables.find(name);
        assumeTrue(found.isPresent(), "Prometheus tests skipped: " + name + " not found on the PATH or in /usr/bin;"
                + " install Debian's prometheus package (apt-get install -y prometheus) to run them");
        return found.get();
    }

    /** Runs {@code promtool} with these arguments and waits (at most a minute) for it to end. */
    static Run promtool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(require("promtool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool did not end: " + command);
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
