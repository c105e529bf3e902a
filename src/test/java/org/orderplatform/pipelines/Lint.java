package org.orderplatform.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.orderplatform.testsupport.Docker;
import org.orderplatform.testsupport.Executables;

/**
 * {@code .ci/lint} as the pipelines run it, on the repository or on a {@link Copy} of the files one linter reads; and
 * what it needs from the machine (Node.js 20+ for the npm linters; shellcheck, yamllint, git and rsync, which
 * {@code .ci/lint} installs itself only as root).
 */
final class Lint {

    static final Path REPOSITORY = Path.of("").toAbsolutePath();
    /** Where .ci/lint installs the npm linters; every copy links to the repository's, so no copy downloads them. */
    static final Path NPM_LINTERS = Path.of(".ci/linters/node_modules");
    /** What a first run of an npm linter may take: npm ci downloads them all. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern COLOURS = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");
    private static Optional<String> missingTools;
    private static boolean npmLintersInstalled;

    private Lint() {
    }

    /** Skips the calling test, saying what to install, unless .ci/lint can run every linter here. */
    static void assumeToolsPresent() {
        Optional<String> missing = missingTools();
        assumeTrue(missing.isEmpty(), () -> "The pipeline linters (.ci/lint) are not checked: "
                + missing.orElseThrow());
    }

    private static synchronized Optional<String> missingTools() {
        if (missingTools == null) {
            List<String> missing = Stream.of("shellcheck", "yamllint", "git", "rsync")
                    .filter(tool -> Executables.find(tool).isEmpty())
                    .toList();
            boolean installable = "root".equals(System.getProperty("user.name"))
                    && Executables.find("apt-get").isPresent();
            if (nodeMajorVersion() < 20 || Executables.find("npm").isEmpty()) {
                missingTools = Optional.of("Node.js 20 or newer (node and npm) is not on the PATH - install it");
            } else if (!missing.isEmpty() && !installable) {
                missingTools = Optional.of(missing + " missing, which .ci/lint installs (.ci/os-packages) only as root"
                        + " on Debian/Ubuntu - install them (apt-get install " + String.join(" ", missing) + ")");
            } else {
                missingTools = Optional.empty();
            }
        }
        return missingTools;
    }

    /**
     * Has .ci/lint install the npm linters in the repository, as its first run of one of them does, once, before a
     * copy links to them: a copy without them would install them into the repository's directory through its link.
     */
    private static synchronized void installNpmLinters() {
        if (!npmLintersInstalled) {
            Docker.Result result = run(REPOSITORY, "dockerfiles");
            assertThat(REPOSITORY.resolve(NPM_LINTERS).resolve(".package-lock.json"))
                    .as(".ci/lint installs the npm linters in %s:%n%s", NPM_LINTERS, result.output())
                    .exists();
            npmLintersInstalled = true;
        }
    }

    /** Runs {@code ROOT/.ci/lint LINTER}; the output without the colours some linters print even into a file. */
    static Docker.Result run(Path root, String linter) {
        // a JDK-only machine may have no java on the PATH: CodeNarc (jenkins) runs on the JVM running the tests
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator
                + Path.of(System.getProperty("java.home"), "bin");
        Docker.Result result = Docker.exec(List.of(root.resolve(".ci/lint").toString(), linter), TIMEOUT,
                Map.of("PATH", path));
        return new Docker.Result(result.exitCode(), COLOURS.matcher(result.output()).replaceAll(""));
    }

    private static int nodeMajorVersion() {
        if (Executables.find("node").isEmpty()) {
            return 0;
        }
        Matcher version = NODE_VERSION.matcher(Docker.exec(List.of("node", "--version"), Duration.ofSeconds(30),
                Map.of()).output());
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    /**
     * A directory holding what .ci/lint needs (itself, .ci/os-packages, the linters' package files and a link to the
     * repository's installed linters, .yamllint.yaml) and the repository files a test copies in, one of them with the
     * defect the test plants.
     */
    static final class Copy {

        private final Path root;

        private Copy(Path root) {
            this.root = root;
        }

        static Copy in(Path root) {
            installNpmLinters();
            Copy copy = new Copy(root);
            copy.with(".ci/lint").with(".ci/os-packages").with(".ci/linters/package.json")
                    .with(".ci/linters/package-lock.json").with(".yamllint.yaml");
            try {
                Files.createSymbolicLink(root.resolve(NPM_LINTERS), REPOSITORY.resolve(NPM_LINTERS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return copy;
        }

        /** Copies a file of the repository, or a directory's files, to the same place here. */
        Copy with(String path) {
            try (Stream<Path> files = Files.walk(REPOSITORY.resolve(path))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = root.resolve(REPOSITORY.relativize(file));
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Plants a defect: replaces text that the copied file must hold exactly once. */
        Copy replace(String file, String text, String replacement) {
            String content = read(file);
            assertThat(content.split(Pattern.quote(text), -1))
                    .as("the defect goes where %s has this text once - has the file changed?%n%s", file, text)
                    .hasSize(2);
            write(file, content.replace(text, replacement));
            return this;
        }

        /** The number of the first line of the file holding the text, as linters report it (from 1). */
        int lineOf(String file, String text) {
            List<String> lines = read(file).lines().toList();
            int index = 0;
            while (index < lines.size() && !lines.get(index).contains(text)) {
                index++;
            }
            assertThat(index).as("%s has a line with %s", file, text).isLessThan(lines.size());
            return index + 1;
        }

        Docker.Result lint(String linter) {
            return run(root, linter);
        }

        private String read(String file) {
            try {
                return Files.readString(root.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(String file, String content) {
            try {
                Files.writeString(root.resolve(file), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
