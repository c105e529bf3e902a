package org.orderplatform.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.Api.get;
import static org.orderplatform.testsupport.Api.request;
import static org.orderplatform.testsupport.Api.send;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderplatform.platform.logging.RequestIds;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.ServerLogs;
import org.orderplatform.testsupport.WebAssets;

/**
 * Request ids, security headers, CORS and the body size limit on the real server. The build starts it with
 * {@code CORS_ALLOWED_ORIGINS=https://allowed.example} and {@code MAX_REQUEST_BODY_BYTES=65536}; a replica without
 * CORS_ALLOWED_ORIGINS shows that CORS is closed by default.
 */
class WebProtectionIT {

    static final String ALLOWED_ORIGIN = "https://allowed.example";
    static final int BODY_LIMIT = 65536;

    @Test
    void shouldEchoWellFormedRequestId() {
        String id = "client-" + UUID.randomUUID();

        HttpResponse<String> response = send(request("/api/docs").header("X-Request-ID", id).GET());

        assertThat(response.headers().firstValue("X-Request-ID")).contains(id);
    }

    @Test
    void shouldReplaceMalformedRequestIdWithGeneratedOne() {
        String forged = "bad id; injected=true " + "x".repeat(200);

        HttpResponse<String> response = send(request("/api/docs").header("X-Request-ID", forged).GET());

        String id = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(id).isNotEqualTo(forged);
        assertThat(UUID.fromString(id)).isNotNull();
    }

    @Test
    void shouldGenerateDistinctRequestIdsWhenNoneIsSent() {
        String first = get("/").headers().firstValue("X-Request-ID").orElseThrow();
        String second = get("/").headers().firstValue("X-Request-ID").orElseThrow();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldWriteTheRequestIdIntoTheAccessLog() {
        String path = "/api/not-here-" + UUID.randomUUID();

        String id = get(path).headers().firstValue(RequestIds.HEADER).orElseThrow();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ServerLogs.accessLog()).anySatisfy(line -> assertThat(line)
                    .contains("\"GET " + path + " HTTP/1.1\" 404").endsWith(" " + id));
            assertThat(ServerLogs.jsonRecords())
                    .filteredOn(record -> "liberty_accesslog".equals(record.getString("type")))
                    .anySatisfy(record -> {
                        assertThat(record.getString("ibm_requestFirstLine")).contains(path);
                        assertThat(record.getString("ibm_responseHeader_x-request-id")).isEqualTo(id);
                    });
        });
    }

    @Test
    void shouldSendSecurityHeadersAndNoStoreOnApiResponses() {
        HttpResponse<String> api = get("/api/not-here");

        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(api.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(api.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void shouldSendSecurityHeadersOnTheWebAppButLetItBeCachedAndRevalidated() {
        HttpResponse<String> page = get("/");

        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void shouldLetTheWebAppLoadOnlyItsOwnFiles() {
        for (String path : new String[] {"/", "/orders/new", WebAssets.fingerprintedScript().fingerprintedPath(),
            "/assets/styles.css"}) {
            HttpResponse<String> file = get(path);

            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Security-Policy")).as(path).contains(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                            + "form-action 'self'");
        }
    }

    @Test
    void shouldForbidBrowsersToRunOrFrameAnythingInApiResponsesAndErrorPages() {
        for (String path : new String[] {"/api/not-here", "/api/orders", "/no-such-page.html"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isIn(401, 404);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .contains("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void shouldNotTellWhatServerRuns() {
        for (String path : new String[] {"/", "/assets/app.js", "/api/not-here", "/api/orders", "/no-such-page.html",
            "/api/docs", "/health/ready", "/openapi"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
        }
    }

    @Test
    void shouldAnswerPreflightFromAllowedOrigin() {
        HttpResponse<String> response = send(request("/api/docs")
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        // Liberty's <cors> answers it with 200, an "ok status" as the Fetch standard requires. The filter it replaced
        // sent 204, and Vary: Origin, which no cache needs: preflights and no-store API responses are not kept.
        assertThat(response.statusCode()).isBetween(200, 299);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).get().asString()
                .contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).get().asString()
                .contains("Authorization").contains("Content-Type");
    }

    @Test
    void shouldRefusePreflightFromOtherOrigin() {
        HttpResponse<String> response = send(request("/api/docs")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 403, "/api/docs");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void shouldShareResponsesOnlyWithAllowedOrigin() {
        HttpResponse<String> allowed = send(request("/api/docs").header("Origin", ALLOWED_ORIGIN).GET());
        HttpResponse<String> other = send(request("/api/docs").header("Origin", "https://evil.example").GET());

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).get().asString()
                .contains("X-Request-ID", "ETag", "Location", "List-As-Of", "Idempotent-Replayed");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void shouldKeepCorsClosedWhenNoOriginIsConfigured() {
        try (ExtraServer noCors = ExtraServer.start("corsClosed", Map.of("APP_ROLE", "api"))) {
            URI base = noCors.base();

            HttpResponse<String> preflight = Api.send(Api.request(base, "/api/docs")
                    .header("Origin", ALLOWED_ORIGIN)
                    .header("Access-Control-Request-Method", "GET")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            HttpResponse<String> read = Api.send(Api.request(base, "/api/docs").header("Origin", ALLOWED_ORIGIN).GET());

            assertProblem(preflight, 403, "/api/docs");
            for (HttpResponse<String> response : List.of(preflight, read)) {
                assertThat(response.headers().map().keySet()).as(response.request().method())
                        .noneMatch(header -> header.toLowerCase(Locale.ROOT).startsWith("access-control-"));
            }
        }
    }

    @Test
    void shouldRejectDeclaredOversizedBodyWith413() {
        HttpResponse<String> response = send(request("/api/docs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("\"" + "x".repeat(BODY_LIMIT) + "\"")));

        assertProblem(response, 413, "/api/docs");
    }

    @Test
    void shouldAcceptDeclaredBodyOfExactlyTheLimit() {
        HttpResponse<String> response = send(request("/api/docs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("\"" + "x".repeat(BODY_LIMIT - 2) + "\"")));

        // Not too large - the route simply has no POST.
        assertProblem(response, 405, "/api/docs");
    }

    @Test
    void shouldRequireLengthOfFormBodies() {
        HttpResponse<String> response = send(request("/api/docs")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("username=a&password=b".getBytes()))));

        assertProblem(response, 411, "/api/docs");
    }
}
