import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * A smoke test for pipelines to run after every deployment: one customer's journey through the deployed API, from
 * outside, as a client sees it. Needs only a JDK:
 *
 * <pre>java scripts/SmokeTest.java [--public] BASE_URL [TIMEOUT_SECONDS]</pre>
 *
 * <ol>
 * <li>{@code health}: GET /health/ready answers 200 with "status":"UP" - retried until TIMEOUT_SECONDS (default
 * 120), since a fresh rollout may need a few seconds;</li>
 * <li>{@code metrics not public}: only with {@code --public}, for a BASE_URL that is the public front (the ingress,
 * the web front's nginx): GET /metrics must not answer 2xx - metrics are for Prometheus inside the network. Without
 * {@code --public} (BASE_URL is the backend itself, whose /metrics Prometheus scrapes) the step is skipped;</li>
 * <li>{@code register}: a new customer smoke-UUID@example.org with a random password (201);</li>
 * <li>{@code login}: 200 and an access_token;</li>
 * <li>{@code users/me}: 200 and the same email;</li>
 * <li>{@code place order}: 201, and the total the API computed (2 x 4.50 = 9.00);</li>
 * <li>{@code order completed}: the order reaches COMPLETED - the workers took it from the queue - within
 * TIMEOUT_SECONDS.</li>
 * </ol>
 *
 * Each step prints one line ({@code ok   register (41 ms)}); the first failure prints {@code FAIL <step>: <reason>}
 * and ends the run. Exit code 0 when every step passed, 1 on a failed check (an unreachable server included), 2 on
 * bad usage. Every request times out after 10 s. The password and the tokens are never printed, and are redacted
 * from the response bodies a failure quotes.
 *
 * <p>Each run leaves its customer and order behind (there is no self-service account deletion), and counts as one
 * registration against REGISTRATIONS_PER_ADDRESS for the address the pipeline's requests come from.
 */
public class SmokeTest {

    static final String USAGE = "usage: java scripts/SmokeTest.java [--public] BASE_URL [TIMEOUT_SECONDS]";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    static final int DEFAULT_TIMEOUT_SECONDS = 120;

    static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern STATUS_REASON = Pattern.compile("\"status_reason\"\\s*:\\s*\"([^\"]*)\"");
    /** Token values in a JSON body, and anything shaped like a JWT. */
    static final Pattern SECRET = Pattern.compile(
            "(\"[a-z_]*token\"\\s*:\\s*\")[^\"]*\"|eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    static final String ORDER = "{\"items\":[{\"sku\":\"SMOKE-1\",\"name\":\"Smoke test item\",\"quantity\":2,"
            + "\"unit_price\":\"4.50\"}]}";
    static final String EXPECTED_TOTAL = "9.00";

    /** A check that did not hold: the one-line reason. */
    static class Failure extends Exception {
        Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The server could not be reached, or did not answer in time. */
    static final class Unreachable extends Failure {
        Unreachable(String reason) {
            super(reason);
        }
    }

    interface Step {
        void run() throws Failure;
    }

    private final String base;
    private final Duration timeout;
    private final HttpClient http;
    private final String email = "smoke-" + UUID.randomUUID() + "@example.org";
    // random, so that the accounts the runs leave behind cannot be logged into by whoever reads this file
    private final String password = "Smoke-" + UUID.randomUUID();
    private String token;
    private String orderId;

    SmokeTest(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(min(REQUEST_TIMEOUT, timeout)).build();
    }

    public static void main(String[] args) {
        boolean isPublic = false;
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--public")) {
                isPublic = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            } else if (arg.startsWith("-")) {
                usage("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            usage(positional.isEmpty() ? "BASE_URL is missing" : "too many arguments");
        }
        String base = positional.get(0).replaceAll("/+$", "");
        if (!base.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?") || !isUri(base)) {
            usage("BASE_URL must be an http:// or https:// URL with a valid host name, not " + positional.get(0));
        }
        int seconds = DEFAULT_TIMEOUT_SECONDS;
        if (positional.size() == 2) {
            seconds = positional.get(1).matches("[1-9][0-9]{0,5}") ? Integer.parseInt(positional.get(1)) : 0;
            if (seconds == 0) {
                usage("TIMEOUT_SECONDS must be a whole number of seconds, 1 or more, not " + positional.get(1));
            }
        }
        new SmokeTest(base, Duration.ofSeconds(seconds)).run(isPublic);
    }

    private static boolean isUri(String url) {
        try {
            return URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }

    void run(boolean isPublic) {
        long started = System.nanoTime();
        step("health", this::awaitReady);
        if (isPublic) {
            step("metrics not public", this::metricsNotPublic);
        } else {
            System.out.println("skip metrics not public (checked with --public, when BASE_URL is the public front)");
        }
        step("register", this::register);
        step("login", this::login);
        step("users/me", this::me);
        step("place order", this::placeOrder);
        step("order completed", this::awaitCompleted);
        System.out.printf("smoke test passed against %s in %.1f s%n", base, (System.nanoTime() - started) / 1e9);
    }

    /** Runs a step and prints its line; the first failure ends the run with exit code 1. */
    private static void step(String name, Step step) {
        long started = System.nanoTime();
        try {
            step.run();
        } catch (Failure failure) {
            System.out.println("FAIL " + name + ": " + failure.getMessage());
            System.exit(1);
        }
        System.out.println("ok   " + name + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    private void awaitReady() throws Failure {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String notReady;
            try {
                HttpResponse<String> response = send(get("/health/ready"), requestTimeout(deadline));
                if (response.statusCode() == 200) {
                    if (STATUS_UP.matcher(response.body()).find()) {
                        return;
                    }
                    // no readiness check answers this: something else is routed at /health, waiting will not help
                    throw new Failure("expected \"status\":\"UP\", got 200: " + excerpt(response.body()));
                }
                notReady = "expected 200, got " + response.statusCode() + ": " + excerpt(response.body());
            } catch (Unreachable e) {
                notReady = e.getMessage();
            }
            if (remaining(deadline).isZero()) {
                throw new Failure("not ready within " + timeout.toSeconds() + " s: " + notReady);
            }
            pause(min(Duration.ofSeconds(1), remaining(deadline)));
        }
    }

    private void metricsNotPublic() throws Failure {
        HttpResponse<String> response = send(get("/metrics"), REQUEST_TIMEOUT);
        if (response.statusCode() / 100 == 2) {
            throw new Failure("expected 404 or 403 (metrics must not be public), got " + response.statusCode()
                    + ": " + excerpt(response.body()));
        }
    }

    private void register() throws Failure {
        expect(201, send(post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"full_name\":\"Smoke Test\"}"), REQUEST_TIMEOUT));
    }

    private void login() throws Failure {
        HttpResponse<String> response = expect(200, send(post("/api/auth/login", "{\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}"), REQUEST_TIMEOUT));
        token = field(ACCESS_TOKEN, response, "access_token");
    }

    private void me() throws Failure {
        HttpResponse<String> response = expect(200, send(authorized(get("/api/users/me")), REQUEST_TIMEOUT));
        String shown = field(EMAIL, response, "email");
        if (!shown.equalsIgnoreCase(email)) {
            throw new Failure("expected the email " + email + ", got " + shown);
        }
    }

    private void placeOrder() throws Failure {
        HttpResponse<String> response = expect(201, send(authorized(post("/api/orders", ORDER)), REQUEST_TIMEOUT));
        orderId = field(ID, response, "id");
        String total = field(TOTAL, response, "total");
        if (!total.equals(EXPECTED_TOTAL)) {
            throw new Failure("expected the total " + EXPECTED_TOTAL + " (2 x 4.50), got " + total);
        }
    }

    private void awaitCompleted() throws Failure {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = expect(200, send(authorized(get("/api/orders/" + orderId)),
                    REQUEST_TIMEOUT));
            String status = field(STATUS, response, "status");
            switch (status) {
                case "COMPLETED" -> {
                    return;
                }
                case "FAILED", "CANCELLED" -> {
                    Matcher reason = STATUS_REASON.matcher(response.body());
                    throw new Failure("order " + orderId + " ended " + status
                            + (reason.find() ? ": " + reason.group(1) : ""));
                }
                default -> {
                    if (remaining(deadline).isZero()) {
                        throw new Failure("order " + orderId + " still " + status + " after " + timeout.toSeconds()
                                + " s (are the workers running and the queue reachable?)");
                    }
                    pause(min(POLL_INTERVAL, remaining(deadline)));
                }
            }
        }
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", "order-platform-smoke-test");
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Duration requestTimeout) throws Unreachable {
        HttpRequest built = request.timeout(requestTimeout).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(unreachable(built, requestTimeout, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    /** Why a request got no answer, in a line: never a stack trace. */
    private static String unreachable(HttpRequest request, Duration requestTimeout, IOException e) {
        URI uri = request.uri();
        String server = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection to " + server + " within " + requestTimeout.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer to " + request.method() + " " + uri.getRawPath() + " within "
                    + requestTimeout.toSeconds() + " s";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
            if (cause instanceof SSLException) {
                return "TLS with " + server + " failed: " + cause.getMessage();
            }
        }
        if (e instanceof ConnectException) {
            return "cannot connect to " + server + ": "
                    + (e.getMessage() == null ? "connection refused" : e.getMessage());
        }
        return request.method() + " " + uri.getRawPath() + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private HttpResponse<String> expect(int status, HttpResponse<String> response) throws Failure {
        if (response.statusCode() != status) {
            throw new Failure("expected " + status + ", got " + response.statusCode() + ": "
                    + excerpt(response.body()));
        }
        return response;
    }

    private String field(Pattern pattern, HttpResponse<String> response, String name) throws Failure {
        Matcher matcher = pattern.matcher(response.body());
        if (!matcher.find()) {
            throw new Failure("no " + name + " in the answer: " + excerpt(response.body()));
        }
        return matcher.group(1);
    }

    /** The first 200 characters of a body, on one line, with the password and any token masked. */
    private String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String masked = SECRET.matcher(body.replace(password, "***"))
                .replaceAll(secret -> secret.group(1) != null ? Matcher.quoteReplacement(secret.group(1) + "***\"")
                        : "***");
        String line = masked.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    /** A request's timeout while waiting until a deadline: at most 10 s, at least the half second a request needs. */
    private static Duration requestTimeout(long deadline) {
        Duration timeout = min(REQUEST_TIMEOUT, remaining(deadline));
        return timeout.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : timeout;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration duration) throws Failure {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }
}
