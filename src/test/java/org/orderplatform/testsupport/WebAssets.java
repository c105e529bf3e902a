package org.orderplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app's files in webapp/, for the tests of how Liberty and nginx serve them: index.html, and a script as
 * index.html names it - {@code /assets/<12 hex>/<file>}.
 */
public final class WebAssets {

    public static final Path ROOT = Path.of("webapp");
    private static final Pattern FINGERPRINTED_SCRIPT = Pattern.compile("\"(/assets/[0-9a-f]{12}/([^\"]+\\.js))\"");

    private WebAssets() {
    }

    public static String indexHtml() {
        return read(ROOT.resolve("index.html"));
    }

    /** The app's entry script by the fingerprinted path index.html loads it from. */
    public static Script fingerprintedScript() {
        Matcher named = FINGERPRINTED_SCRIPT.matcher(indexHtml());
        if (!named.find()) {
            throw new IllegalStateException("webapp/index.html loads no script from /assets/<fingerprint>/");
        }
        return new Script(named.group(1), "/assets/" + named.group(2));
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
