package org.orderplatform.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings of the application, from two sides: the names its code and server configuration read (MicroProfile
 * Config properties, the server.xml and microprofile-config.properties variables), and the configuration table of
 * the README that documents them. A manifest may only set names from the table; the table must cover every name read.
 */
final class AppSettings {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::[^}]*)?}");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|([^|]*)\\|");
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
    /** Liberty's own variables, not settings. */
    private static final Set<String> LIBERTY_VARIABLES = Set.of("server.config.dir", "server.output.dir",
            "wlp.install.dir", "wlp.user.dir", "shared.resource.dir");

    private AppSettings() {
    }

    /** The environment-variable form of every setting the application reads (mp.jwt.verify.publickey -> MP_JWT_...). */
    static Set<String> read() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path ->
                    collect(CONFIG_PROPERTY.matcher(text(path)), names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> config = Stream.concat(Files.walk(Path.of("src/main/liberty/config")),
                Stream.of(Path.of("src/main/resources/META-INF/microprofile-config.properties")))) {
            config.filter(Files::isRegularFile).forEach(path -> collect(VARIABLE.matcher(text(path)), names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static final Set<String> DOCUMENTED = readTable();

    /** Every name in the first column of the README's configuration table (read once). */
    static Set<String> documented() {
        return DOCUMENTED;
    }

    private static Set<String> readTable() {
        String readme = text(Path.of("README.md"));
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher rows = TABLE_ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        Set<String> names = new TreeSet<>();
        while (rows.find()) {
            Matcher name = NAME.matcher(rows.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static void collect(Matcher matcher, Set<String> names) {
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!LIBERTY_VARIABLES.contains(name)) {
                names.add(name.replace('.', '_').toUpperCase(Locale.ROOT));
            }
        }
    }

    private static String text(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
