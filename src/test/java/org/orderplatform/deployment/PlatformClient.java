package org.orderplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A user's view of a platform running in containers: its published address, plain HTTP, JSON. */
final class PlatformClient {

    static final String PASSWORD = "Container-Pass-2024";
    static final String ORDER = "{\"items\":[{\"sku\":\"BOX-1\",\"name\":\"Box\",\"quantity\":2,"
            + "\"unit_price\":\"4.50\"}]}";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    PlatformClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = request(path).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** Registers a new user and returns their access token. */
    String newUser(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = send(request("/api/auth/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"full_name\":\"Container Test\"}")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return login(email, PASSWORD);
    }

    String login(String email, String password) {
        HttpResponse<String> response = send(request("/api/auth/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password="
                        + encode(password))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getString("access_token");
    }

    /** Places {@link #ORDER}; returns the new order's id. */
    String placeOrder(String token) {
        HttpResponse<String> response = send(request("/api/orders").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ORDER)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).getString("id");
    }

    String status(String token, String orderId) {
        HttpResponse<String> response = get("/api/orders/" + orderId, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getString("status");
    }

    /**
     * Follows the order's Server-Sent Events until one reports the change to {@code status} (an event with a
     * {@code previous_status}: pushed when it happened, not the snapshot a stream starts with); returns the lines
     * seen. Fails when the stream ends or {@code within} passes first.
     */
    String awaitStatusEvent(String token, String orderId, String status, Duration within) {
        return awaitStatusEvent(token, orderId, status, within, () -> { });
    }

    /** As above, running {@code whenSubscribed} once the stream is open (e.g. starting the worker that will push). */
    String awaitStatusEvent(String token, String orderId, String status, Duration within, Runnable whenSubscribed) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/orders/" + orderId + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        StringBuilder seen = new StringBuilder();
        Instant deadline = Instant.now().plus(within);
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            whenSubscribed.run();
            try (InputStream body = response.body();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                Thread watchdog = new Thread(() -> closeAt(deadline, body), "event-stream-deadline");
                watchdog.setDaemon(true);
                watchdog.start();
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        seen.append(line).append('\n');
                        if (line.startsWith("data:") && line.contains("\"status\":\"" + status + "\"")
                                && line.contains("\"previous_status\":")) {
                            return seen.toString();
                        }
                    }
                } finally {
                    watchdog.interrupt();
                }
            }
        } catch (IOException e) {
            throw new AssertionError("the event stream broke off before " + status + "; it said:\n" + seen, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the event stream ended before " + status + "; it said:\n" + seen);
    }

    private static void closeAt(Instant deadline, InputStream body) {
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()));
            body.close();
        } catch (InterruptedException | IOException e) {
            // the stream ended in time, or is closed anyway
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
