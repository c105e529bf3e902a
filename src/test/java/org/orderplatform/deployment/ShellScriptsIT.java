package org.orderplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Docker;

/** Every shell script in the repository passes shellcheck (Debian's package; skipped with a message without it). */
class ShellScriptsIT {

    private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");

    @Test
    void shouldPassShellcheck() throws IOException {
        assumeTrue(Files.isExecutable(SHELLCHECK), "shellcheck is not installed (apt-get install shellcheck): the"
                + " shell scripts are not checked");
        List<Path> scripts = scripts();
        assertThat(scripts).as("the scripts this test knows must exist").contains(Path.of(".ci/run"),
                Path.of("src/main/docker/entrypoint.sh"), Path.of("src/test/docker/build-local-images.sh"));
        List<String> command = new ArrayList<>(List.of(SHELLCHECK.toString(), "--external-sources"));
        scripts.forEach(script -> command.add(script.toString()));
        var result = Docker.exec(command, Duration.ofMinutes(2), Map.of());
        assertThat(result.ok()).as("shellcheck %s:%n%s", scripts, result.output()).isTrue();
    }

    /** Files named *.sh, and files whose first line runs a POSIX shell or bash, outside build output and .git. */
    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            return files.filter(Files::isRegularFile)
                    .map(file -> Path.of(".").relativize(file))
                    .filter(file -> !file.startsWith(".git") && !file.startsWith("target")
                            && !file.toString().contains("/target/") && !file.startsWith("node_modules"))
                    .filter(file -> file.toString().endsWith(".sh") || hasShellShebang(file))
                    .sorted()
                    .toList();
        }
    }

    private static boolean hasShellShebang(Path file) {
        try (var lines = Files.newBufferedReader(file)) {
            String first = lines.readLine();
            return first != null && first.startsWith("#!") && first.matches("#!.*\\b(sh|bash)\\b.*");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
