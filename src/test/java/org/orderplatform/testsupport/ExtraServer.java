package org.orderplatform.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One more replica of the platform - another Liberty server of the same installation, with the same application -
 * sharing the test server's PostgreSQL and Redis (and JWT keys), with settings of its own (APP_ROLE, fulfilment
 * failures, ...). Started with {@code server run} as a child process, so a test can stop it normally or kill it
 * with SIGKILL.
 *
 * <p>{@link #startWithEnvironment} instead starts the production configuration the way the container image does:
 * every setting an environment variable of the process, nothing from the test server but server.xml, the
 * application and the JDBC driver.
 */
public final class ExtraServer implements AutoCloseable {

    private static final Path WLP = Path.of(System.getProperty("it.wlp.home"));
    private static final Path SERVICES = Path.of(System.getProperty("it.services.dir"));
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final Path dir;
    /** The whole environment of the server process, or null: the test JVM's. */
    private final Map<String, String> environment;
    private Process process;

    private ExtraServer(String name, Map<String, String> settings) throws IOException {
        this.name = name;
        this.httpPort = freePort();
        // server.env holds the generated keystore password: without a keystore, mpJwt does not start
        this.dir = copyTestServer(name, "server.env");
        this.environment = null;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("HTTP_PORT", Integer.toString(httpPort));
        properties.put("APP_ENV", "development");
        properties.put("DB_HOST", "localhost");
        properties.put("DB_PORT", System.getProperty("it.db.port"));
        properties.put("REDIS_HOST", "localhost");
        properties.put("REDIS_PORT", System.getProperty("it.redis.port"));
        properties.put("JWT_PRIVATE_KEY_FILE", SERVICES.resolve("jwt-private.pem").toString());
        properties.put("mp.jwt.verify.publickey.location", SERVICES.resolve("jwt-public.pem").toString());
        properties.put("FIRST_SUPERUSER_EMAIL", System.getProperty("it.superuser.email"));
        properties.put("FIRST_SUPERUSER_PASSWORD", System.getProperty("it.superuser.password"));
        properties.putAll(settings);
        Files.writeString(dir.resolve("jvm.options"), properties.entrySet().stream()
                .map(entry -> "-D" + entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private ExtraServer(String name, Map<String, String> environment, String jvmOptions) throws IOException {
        this.name = name;
        this.httpPort = Integer.parseInt(environment.get("HTTP_PORT"));
        this.dir = copyTestServer(name);
        this.environment = Map.copyOf(environment);
        Files.deleteIfExists(dir.resolve("server.env")); // the image has none either
        // A new pod's output directory is empty. The default keystore an earlier server of this name created holds
        // that server's random keystore_password; with this one's, Liberty cannot open it, and mpJwt refuses every
        // token.
        deleteRecursively(dir.resolve("resources/security"));
        Files.writeString(dir.resolve("jvm.options"), jvmOptions);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }

    /**
     * The directory of server {@code name} with the test server's server.xml (the production one), application and
     * JDBC driver, and these further files of it. The workarea of an earlier server of this name is reused.
     */
    private static Path copyTestServer(String name, String... moreFiles) throws IOException {
        Path dir = WLP.resolve("usr/servers").resolve(name);
        Path template = WLP.resolve("usr/servers").resolve(System.getProperty("it.server.name"));
        Files.createDirectories(dir.resolve("apps"));
        Files.createDirectories(dir.resolve("jdbc"));
        List<String> files = new ArrayList<>(List.of("server.xml", "jdbc/postgresql.jar",
                "apps/order-platform.war.xml"));
        files.addAll(List.of(moreFiles));
        for (String file : files) {
            Files.copy(template.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** Creates the server (replacing an earlier one of the same name) and starts it; returns once it is ready. */
    public static ExtraServer start(String name, Map<String, String> settings) {
        try {
            ExtraServer server = new ExtraServer(name, settings);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the server (replacing an earlier one of the same name) as the container image has it - the production
     * server.xml, no server.env, {@code jvmOptions} as its jvm.options - and starts it with exactly
     * {@code environment} as its process environment (nothing of the test JVM's), as a container runtime starts it.
     * The environment must hold HTTP_PORT, the port the server listens on (see {@link #freePort()}), and whatever
     * {@code bin/server} needs to find Java (JAVA_HOME or PATH). Returns once it is ready; a server that does not
     * become ready is stopped.
     */
    public static ExtraServer startWithEnvironment(String name, Map<String, String> environment, String jvmOptions) {
        ExtraServer server;
        try {
            server = new ExtraServer(name, environment, jvmOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            server.start();
            return server;
        } catch (RuntimeException | Error e) {
            server.kill();
            throw e;
        }
    }

    public void start() {
        try {
            ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), "run", name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console-run.log").toFile()));
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("server " + name + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("server " + name + " exited; see " + dir.resolve("logs"));
                    }
                    return ready();
                });
    }

    /** What the server has logged so far (messages.log). */
    public String messages() {
        return messagesOf(dir);
    }

    /** What the test server itself has logged so far. */
    public static String testServerMessages() {
        return messagesOf(WLP.resolve("usr/servers").resolve(System.getProperty("it.server.name")));
    }

    private static String messagesOf(Path serverDir) {
        try {
            return Files.readString(serverDir.resolve("logs/messages.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's JVM ({@code server run} execs it). */
    public ProcessHandle jvm() {
        return process.toHandle();
    }

    public URI base() {
        return URI.create("http://localhost:" + httpPort);
    }

    /** A normal stop (SIGTERM, as Kubernetes does): the server shuts down gracefully. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            waitForExit();
        }
    }

    /** SIGKILL to the server and everything it started: nothing runs its shutdown code. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitForExit();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("server " + name + " did not stop");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> process.toHandle().descendants().count() == 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(base().resolve("/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A TCP port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
