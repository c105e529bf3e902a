package org.orderplatform.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real nginx (Debian's package; .ci/run installs it) running webapp/nginx.conf in front of the test server: the
 * file as shipped, with only its machine-specific lines changed - the upstream becomes the test server, the port
 * a free one, the root webapp/, and the pid and temporary files go under target/. Each of those lines must be
 * found exactly as expected, so that a change to the file that this class would silently miss fails loudly.
 * Without nginx, tests using it are skipped with a message saying so.
 */
public final class NginxProxy implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path CONFIG = WebAssets.ROOT.resolve("nginx.conf");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Process process;

    private NginxProxy(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Checks the configuration with {@code nginx -t}, starts nginx and returns once it accepts connections. */
    public static NginxProxy start() {
        assumeTrue(Files.isExecutable(NGINX), "Nginx tests skipped: install Debian's nginx (apt-get install -y nginx) "
                + "to run them");
        try {
            Path dir = Files.createDirectories(Path.of("target/nginx").toAbsolutePath());
            int port = freePort();
            Path config = dir.resolve("nginx.conf");
            Files.writeString(config,
                    localConfig(Files.readString(CONFIG), Integer.getInteger("it.http.port"), port, dir));
            Path log = dir.resolve("nginx.log");
            Process check = new ProcessBuilder(NGINX.toString(), "-t", "-c", config.toString())
                    .redirectErrorStream(true).start();
            String checked = new String(check.getInputStream().readAllBytes());
            if (check.waitFor() != 0) {
                throw new IllegalStateException("nginx -t refused " + config + ":\n" + checked);
            }
            Process process = new ProcessBuilder(NGINX.toString(), "-c", config.toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            NginxProxy proxy = new NginxProxy(port, process);
            await("nginx accepting connections").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("nginx exited; see " + log);
                        }
                        return accepts(port);
                    });
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The shipped configuration with its machine-specific lines made local. */
    static String localConfig(String shipped, int backendPort, int port, Path dir) {
        // Started by root, nginx would run its workers as "nobody", who may not be allowed into the checkout (a home
        // directory, say): here they run as whoever runs the tests. In the image nginx never starts as root.
        String config = "root".equals(System.getProperty("user.name")) ? "user root;\n" + shipped : shipped;
        config = replaceOnce(config, "server backend:9080;", "server 127.0.0.1:" + backendPort + ";");
        config = replaceOnce(config, "listen 8080;", "listen 127.0.0.1:" + port + ";");
        config = replaceOnce(config, "root /usr/share/nginx/html;", "root " + WebAssets.ROOT.toAbsolutePath() + ";");
        config = replaceOnce(config, "pid /tmp/nginx.pid;", "pid " + dir.resolve("nginx.pid") + ";");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            config = replaceOnce(config, temp + "_temp_path /tmp/" + temp + "_temp;",
                    temp + "_temp_path " + dir.resolve(temp + "_temp") + ";");
        }
        return config;
    }

    private static String replaceOnce(String config, String line, String replacement) {
        Matcher matcher = Pattern.compile("^(\\s*)" + Pattern.quote(line) + "$", Pattern.MULTILINE).matcher(config);
        long found = matcher.results().count();
        if (found != 1) {
            throw new IllegalStateException("webapp/nginx.conf should have the line '" + line + "' once, not " + found
                    + " times: adapt NginxProxy, which makes that line local for the tests");
        }
        return matcher.replaceFirst("$1" + Matcher.quoteReplacement(replacement));
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops nginx (SIGTERM: a fast shutdown of the master and its workers). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
