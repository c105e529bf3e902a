package org.orderplatform.platform.web.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.platform.web.SecurityHeadersFilter;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.NginxProxy;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.TestRedis;
import org.orderplatform.testsupport.WebAssets;
import redis.clients.jedis.Jedis;

/**
 * webapp/nginx.conf in a real nginx in front of the test server (NginxProxy): the app's files with the routes,
 * caching and headers Liberty uses, the API passed through - live status streams unbuffered - and /metrics kept
 * inside the network.
 */
class NginxProxyIT {

    /**
     * Far more than a passed-through event needs; a proxy that holds the stream back (compressing it, say) keeps a
     * small event until more follow - for ever, here, since the test server processes no order.
     */
    static final Duration FIRST_EVENT_TIMEOUT = Duration.ofSeconds(10);
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String LOGIN_FAILURES_OF_ADDRESS = "auth:login-failures:address:";

    private static NginxProxy proxy;

    @BeforeAll
    static void startProxy() {
        proxy = NginxProxy.start();
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void shouldStreamTheStatusOfAnOrderPlacedThroughTheProxyAsSoonAsItIsSent() throws Exception {
        String email = Accounts.uniqueEmail("nginx");
        assertThat(postJson("/api/auth/register", Json.createObjectBuilder().add("email", email)
                .add("password", Accounts.PASSWORD).add("full_name", "Nginx Proxy").build()).statusCode())
                .isEqualTo(201);
        HttpResponse<String> login = postJson("/api/auth/login", Json.createObjectBuilder().add("email", email)
                .add("password", Accounts.PASSWORD).build());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = Api.json(login).getString("access_token");
        HttpResponse<String> placed = Api.send(request("/api/orders").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Orders.VALID)));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = Api.json(placed).getString("id");

        HttpResponse<InputStream> stream = Api.send(request("/api/orders/" + id + "/events")
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip").GET(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines;
        try (InputStream body = stream.body()) {
            lines = linesUpToFirstEvent(body);
        }

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(lines).contains("event: status");
        JsonObject event = Json.createReader(new StringReader(lines.get(lines.size() - 1).substring(5).trim()))
                .readObject();
        assertThat(event.getString("order_id")).isEqualTo(id);
        assertThat(event.getString("status")).isEqualTo("PENDING");
    }

    @Test
    void shouldAnswerADeepLinkWithTheIndexPageAndTheBackendsSecurityHeaders() {
        HttpResponse<String> page = get("/orders/" + UUID.randomUUID());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeadersFilter.WEB_APP_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Server")).contains("nginx");
        assertThat(page.body()).isEqualTo(WebAssets.indexHtml());
    }

    @Test
    void shouldServeFingerprintedScriptsForAYearAndUnversionedOnesRevalidated() {
        WebAssets.Script script = WebAssets.fingerprintedScript();

        HttpResponse<String> fingerprinted = get(script.fingerprintedPath());
        HttpResponse<String> unversioned = get(script.unversionedPath());

        assertThat(fingerprinted.statusCode()).isEqualTo(200);
        assertThat(fingerprinted.headers().firstValue("Content-Type")).get().asString()
                .matches(WebAppServingIT.JAVASCRIPT);
        assertThat(fingerprinted.headers().firstValue("Cache-Control")).contains(IMMUTABLE);
        assertThat(fingerprinted.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityHeadersFilter.WEB_APP_POLICY);
        assertThat(fingerprinted.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(fingerprinted.body()).isEqualTo(script.content());
        assertThat(unversioned.statusCode()).isEqualTo(200);
        assertThat(unversioned.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void shouldCompressScriptsForClientsThatAcceptIt() throws IOException {
        WebAssets.Script script = WebAssets.fingerprintedScript();

        HttpResponse<byte[]> response = Api.send(request(script.fingerprintedPath()).header("Accept-Encoding", "gzip")
                .GET(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(script.content());
        }
    }

    @Test
    void shouldAnswerUnknownPathsWith404AndNeverAsCacheable() {
        for (String path : List.of("/nope", "/orders/", "/assets/", "/assets/0123456789ab/no-such-file.js",
                "/index.htm")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .contains(SecurityHeadersFilter.WEB_APP_POLICY);
        }
    }

    @Test
    void shouldKeepMetricsInsideTheNetwork() {
        assertThat(Api.get("/metrics").statusCode()).as("the backend's own /metrics").isEqualTo(200);

        for (String path : List.of("/metrics", "/metrics/", "/metrics?scope=application")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("# TYPE");
        }
    }

    @Test
    void shouldPassApiProblemsThroughWithTheBackendsHeadersOnlyOnce() {
        HttpResponse<String> response = get("/api/nope");

        assertProblem(response, 404, "/api/nope");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityHeadersFilter.JSON_POLICY);
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void shouldProxyHealthAndTheApiDocumentation() {
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/openapi").body()).contains("openapi");
        assertThat(get("/openapi/ui/").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldTellTheBackendThePeerItSeesNotTheAddressTheClientClaims() {
        String claimed = Accounts.randomClientAddress();

        HttpResponse<String> login = postJson(request("/api/auth/login").header("X-Forwarded-For", claimed),
                Json.createObjectBuilder().add("email", Accounts.uniqueEmail("spoofer")).add("password", "Wrong-Pass-1")
                        .build());

        assertThat(login.statusCode()).isEqualTo(401);
        try (Jedis redis = TestRedis.connect()) {
            // The backend counts failed logins per client address (it trusts X-Forwarded-For from loopback).
            assertThat(redis.exists(LOGIN_FAILURES_OF_ADDRESS + claimed)).as("counted for the claimed address")
                    .isFalse();
            assertThat(redis.exists(LOGIN_FAILURES_OF_ADDRESS + "127.0.0.1")).as("counted for the proxy's peer")
                    .isTrue();
        }
    }

    /** Reads the stream up to its first {@code data:} line, or fails if none arrives in time. */
    private static List<String> linesUpToFirstEvent(InputStream body) throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<List<String>> lines = reader.submit(() -> {
            List<String> read = new ArrayList<>();
            BufferedReader text = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            for (String line = text.readLine(); line != null; line = text.readLine()) {
                read.add(line);
                if (line.startsWith("data:")) {
                    return read;
                }
            }
            throw new IllegalStateException("the stream ended without an event: " + read);
        });
        try {
            return lines.get(FIRST_EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("no event within %s: the proxy holds the stream back",
                    FIRST_EVENT_TIMEOUT);
        } finally {
            reader.shutdownNow();
        }
    }

    private static HttpRequest.Builder request(String path) {
        return Api.request(proxy.baseUri(), path);
    }

    private static HttpResponse<String> get(String path) {
        return Api.send(request(path).GET());
    }

    private static HttpResponse<String> postJson(String path, JsonObject body) {
        return postJson(request(path), body);
    }

    private static HttpResponse<String> postJson(HttpRequest.Builder request, JsonObject body) {
        return Api.send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }
}
