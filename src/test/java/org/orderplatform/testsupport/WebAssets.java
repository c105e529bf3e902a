package org.orderplatform.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web app's files in webapp/, for the tests of how Liberty and nginx serve them: index.html, and a script as
 * index.html names it - {@code /assets/<12 hex>/<file>}.
 */
public final class WebAssets {

    public static final Path ROOT = Path.of("webapp");
    /** The fingerprint this class puts in front of a file that index.html does not name (any 12 hex will do). */
    static final String ANY_FINGERPRINT = "0123456789ab";
    private static final Pattern FINGERPRINTED_SCRIPT = Pattern.compile("\"(/assets/[0-9a-f]{12}/([^\"]+\\.js))\"");

    private WebAssets() {
    }

    public static String indexHtml() {
        return read(ROOT.resolve("index.html"));
    }

    /**
     * A script by its fingerprinted path: the first that index.html names, else any file under webapp/assets/ behind
     * a made-up fingerprint. Skips the test while there is none.
     */
    public static Script fingerprintedScript() {
        Matcher named = FINGERPRINTED_SCRIPT.matcher(indexHtml());
        if (named.find()) {
            return new Script(named.group(1), "/assets/" + named.group(2));
        }
        Optional<String> any = anyScript();
        assumeTrue(any.isPresent(), "No script under webapp/assets/ yet: nothing fingerprinted to serve");
        return new Script("/assets/" + ANY_FINGERPRINT + any.get().substring("/assets".length()), any.get());
    }

    private static Optional<String> anyScript() {
        Path assets = ROOT.resolve("assets");
        if (!Files.isDirectory(assets)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(assets)) {
            return files.filter(file -> file.toString().endsWith(".js")).sorted().findFirst()
                    .map(file -> "/" + ROOT.relativize(file).toString().replace('\\', '/'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script as a fingerprinted path ({@code /assets/<fp>/app.js}) and as its file ({@code /assets/app.js}). */
    public record Script(String fingerprintedPath, String unversionedPath) {

        public String content() {
            return read(ROOT.resolve(unversionedPath.substring(1)));
        }
    }
}
