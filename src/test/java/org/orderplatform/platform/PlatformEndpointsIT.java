package org.orderplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Api.get;
import static org.orderplatform.testsupport.Api.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.WebAssets;

/** The operational endpoints an ops engineer and a learner use first, on the server the build started. */
class PlatformEndpointsIT {

    @Test
    void shouldBeReadyWithMigratedDatabaseAndReportRedis() {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        JsonObject database = check(health, "database");
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getBoolean("schema_migrated")).isTrue();
        assertThat(database.getJsonObject("data").getBoolean("reachable")).isTrue();
        JsonObject redis = check(health, "redis");
        assertThat(redis.getJsonObject("data").getBoolean("available")).isTrue();
        assertThat(redis.getJsonObject("data").getBoolean("required_for_readiness")).isFalse();
    }

    @Test
    void shouldBeLiveAndStarted() {
        JsonObject live = json(get("/health/live"));
        assertThat(live.getString("status")).isEqualTo("UP");
        // the old generation's share still in use after the last collection, as the probe's readers expect it
        assertThat(check(live, "process").getJsonObject("data").getString("old_gen_used_after_gc_ratio"))
                .matches("[01]\\.\\d{3}");
        JsonObject started = json(get("/health/started"));
        assertThat(started.getString("status")).isEqualTo("UP");
        assertThat(check(started, "schema-migrations").getString("status")).isEqualTo("UP");
    }

    @Test
    void shouldExposePrometheusMetricsOfEveryScopeWithoutCredentials() {
        get("/api/no-such-thing-for-metrics"); // guarantees at least one application metric sample

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(response.body())
                .contains("# TYPE api_problem_responses_total counter")
                .containsPattern("api_problem_responses_total\\{mp_scope=\"application\",status=\"404\",?} [1-9]")
                .containsPattern("cpu_availableProcessors\\{mp_scope=\"base\",?} [1-9]")
                .containsPattern("connectionpool_\\w+\\{datasource=\"jdbc_orderPlatform\",mp_scope=\"vendor\",?}");
    }

    @Test
    void shouldServeOpenApiDocumentAndUi() {
        HttpResponse<String> document = get("/openapi");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3.").contains("title: Order Platform API")
                .contains("/api/auth/register:", "/api/auth/login:", "/api/auth/refresh:", "/api/auth/logout:",
                        "/api/users/me:", "/api/users/{id}:")
                .contains("securitySchemes:", "scheme: bearer", "bearerFormat: JWT", "tokenUrl: /api/auth/login")
                .contains("    Problem:", "application/problem+json", "#/components/schemas/Problem")
                .contains("\"422\":", "\"401\":", "\"500\":");

        JsonObject users = Api.json(Api.send(Api.request("/openapi").header("Accept", "application/json")))
                .getJsonObject("paths").getJsonObject("/api/users").getJsonObject("get").getJsonObject("responses");
        assertThat(users.keySet()).as("documented answers of GET /api/users")
                .contains("400", "401", "403", "422", "500");
        assertThat(users.getJsonObject("400").getString("description")).contains("query string");

        HttpResponse<String> ui = get("/openapi/ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("<html");
    }

    @Test
    void shouldRedirectSeedDocsPathToOpenApiUi() {
        HttpResponse<String> response = get("/api/docs");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/openapi/ui/")
                .doesNotContain("/api/openapi");
    }

    @Test
    void shouldServeTheWebAppAtRoot() {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(response.body()).contains("<title>Order Platform</title>");
        assertThat(get(WebAssets.fingerprintedScript().fingerprintedPath()).statusCode()).isEqualTo(200);
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no health check named " + name + " in " + health));
    }
}
