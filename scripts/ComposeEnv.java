import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the {@code .env} docker-compose.yml reads: {@code .env.example} with its secrets filled in - random
 * passwords and a new RSA key pair for the access tokens. Needs only a JDK:
 *
 * <pre>java scripts/ComposeEnv.java [OUTPUT]</pre>
 *
 * OUTPUT defaults to .env beside .env.example; an existing file is never overwritten (delete it to start over - the
 * database keeps the old passwords until its volume is removed too: docs/deploy.md, "Reset").
 */
public class ComposeEnv {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path example = Path.of(".env.example");
        if (!Files.exists(example)) {
            example = Path.of(ComposeEnv.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                    .getParent().getParent().resolve(".env.example");
        }
        Path output = args.length > 0 ? Path.of(args[0]) : example.resolveSibling(".env");
        if (Files.exists(output)) {
            System.out.println(output + " exists already: it is left as it is (delete it to make a new one)");
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        KeyPair keys = generator.generateKeyPair();
        Map<String, Supplier<String>> secrets = Map.of(
                "DB_PASSWORD", ComposeEnv::password,
                "REDIS_PASSWORD", ComposeEnv::password,
                "FIRST_SUPERUSER_PASSWORD", ComposeEnv::password,
                "GRAFANA_ADMIN_PASSWORD", ComposeEnv::password,
                "JWT_PRIVATE_KEY", () -> pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
                "JWT_PUBLIC_KEY", () -> pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(example)) {
            String name = line.endsWith("=") ? line.substring(0, line.length() - 1) : null;
            lines.add(name != null && secrets.containsKey(name) ? line + secrets.get(name).get() : line);
        }
        // readable by its owner only: it holds every secret of the stack
        Files.write(output, lines);
        try {
            Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the file keeps the folder's permissions
        }
        System.out.println("Wrote " + output + " with fresh secrets; the first superuser is admin@example.com, its"
                + " password is FIRST_SUPERUSER_PASSWORD in that file.");
    }

    /** 24 random bytes, URL-safe Base64: no character that YAML, a shell or Compose would read specially. */
    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** PEM in double quotes with its line breaks as \n, the one way a multi-line value fits on a .env line. */
    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        String text = "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
