import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sets the web app's asset fingerprint: webapp/index.html loads its files from /assets/&lt;fingerprint&gt;/, a hash
 * of everything under webapp/assets, so both servers can let browsers cache those files for a year and a changed
 * file still reaches every user at once (its new fingerprint makes a new address). Run it after changing anything
 * under webapp/assets (the unit tests fail until you do):
 *
 * <pre>java scripts/FingerprintWebApp.java          # rewrites webapp/index.html
 * java scripts/FingerprintWebApp.java --check  # exits 1 if index.html is out of date</pre>
 */
public class FingerprintWebApp {

    static final Path WEBAPP = Path.of("webapp");
    static final Path ASSETS = WEBAPP.resolve("assets");
    static final Path INDEX = WEBAPP.resolve("index.html");
    static final Pattern ASSET_URL = Pattern.compile("/assets/(?:[0-9a-f]{12}/)?");

    public static void main(String[] args) throws IOException {
        boolean check = List.of(args).contains("--check");
        String fingerprint = fingerprint();
        String index = Files.readString(INDEX, StandardCharsets.UTF_8);
        String updated = ASSET_URL.matcher(index).replaceAll(Matcher.quoteReplacement("/assets/" + fingerprint + "/"));
        if (!ASSET_URL.matcher(index).find()) {
            fail(INDEX + " loads nothing from /assets/");
        }
        if (updated.equals(index)) {
            System.out.println("webapp/index.html is up to date: /assets/" + fingerprint + "/");
        } else if (check) {
            fail("webapp/assets changed but webapp/index.html still has the old fingerprint; "
                    + "run: java scripts/FingerprintWebApp.java   (new fingerprint: " + fingerprint + ")");
        } else {
            Files.writeString(INDEX, updated, StandardCharsets.UTF_8);
            System.out.println("webapp/index.html now loads /assets/" + fingerprint + "/");
        }
    }

    /** The first 12 hex digits of SHA-256 over every asset's path and bytes, in path order. */
    static String fingerprint() throws IOException {
        MessageDigest digest = sha256();
        try (Stream<Path> files = Files.walk(ASSETS)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                digest.update(ASSETS.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try {
                    digest.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
