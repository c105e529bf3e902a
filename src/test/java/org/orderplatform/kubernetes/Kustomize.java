package org.orderplatform.kubernetes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.orderplatform.testsupport.Executables;

/**
 * Renders a kustomization the way a user applies it: with {@code kubectl kustomize} (kubectl's built-in kustomize),
 * or a standalone {@code kustomize build}. Tests that need it are skipped, with a message, on a machine with neither;
 * {@code .ci/run} makes sure one is there.
 */
final class Kustomize {

    private static final Optional<List<String>> COMMAND = find();

    private Kustomize() {
    }

    /** The rendered YAML of the kustomization in {@code directory}; fails with kustomize's own message. */
    static String build(Path directory) {
        assumeTrue(COMMAND.isPresent(),
                "neither kubectl nor kustomize is on the PATH: Kubernetes manifest tests skipped");
        List<String> command = new ArrayList<>(COMMAND.get());
        command.add(directory.toString());
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            String error = Files.readString(errors);
            Files.delete(errors);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + error);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<List<String>> find() {
        return Executables.find("kubectl").map(kubectl -> List.of(kubectl.toString(), "kustomize"))
                .or(() -> Executables.find("kustomize").map(kustomize -> List.of(kustomize.toString(), "build")));
    }
}
