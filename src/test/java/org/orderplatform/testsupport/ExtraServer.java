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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One more replica of the platform - another Liberty server of the same installation, with the same application -
 * sharing the test server's PostgreSQL and Redis (and JWT keys), with settings of its own (APP_ROLE, fulfilment
 * failures, ...). Started with {@code server run} as a child process, so a test can stop it normally or kill it
 * with SIGKILL.
 */
public final class ExtraServer implements AutoCloseable {

    private static final Path WLP = Path.of(System.getProperty("it.wlp.home"));
    private static final Path SERVICES = Path.of(System.getProperty("it.services.dir"));
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final Path dir;
    private Process process;

    private ExtraServer(String name, Map<String, String> settings) throws IOException {
        this.name = name;
        this.httpPort = freePort();
        this.dir = WLP.resolve("usr/servers").resolve(name);
        Path template = WLP.resolve("usr/servers").resolve(System.getProperty("it.server.name"));
        Files.createDirectories(dir.resolve("apps"));
        Files.createDirectories(dir.resolve("jdbc"));
        // server.env holds the generated keystore password: without a keystore, mpJwt does not start
        for (String file : new String[] {"server.xml", "server.env", "jdbc/postgresql.jar",
            "apps/order-platform.war.xml"}) {
            Files.copy(template.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
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

    public void start() {
        try {
            process = new ProcessBuilder(WLP.resolve("bin/server").toString(), "run", name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console-run.log").toFile()))
                    .start();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
