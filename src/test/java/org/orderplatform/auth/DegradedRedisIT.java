package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Metrics;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;

/**
 * Redis not answering (all its clients paused for a few seconds): login still works, the throttling that could
 * not run is counted, and the platform stays ready; logout and other revocations take effect at once, because they
 * live in PostgreSQL.
 */
class DegradedRedisIT {

    static final long PAUSE_MILLIS = 3000;
    static final int REDIS_PORT = Integer.getInteger("it.redis.port");

    @Test
    void shouldLogOutAndEndTheAccessTokenWhileRedisDoesNotAnswer() {
        String token = Accounts.accessToken(newUser("logout-no-redis").getString("email"), PASSWORD);

        try (Jedis redis = new Jedis("localhost", REDIS_PORT)) {
            redis.clientPause(PAUSE_MILLIS, ClientPauseMode.ALL);
            assertThat(Api.send(Accounts.authorized("/api/auth/logout", token)
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
            assertProblem(Api.send(Accounts.authorized("/api/users/me", token).GET()), 401, "/api/users/me");
        } finally {
            awaitRedis();
        }
    }

    @Test
    void shouldEndTheTokensOfAUserDeactivatedWhileRedisDoesNotAnswer() {
        JsonObject user = newUser("deactivated-no-redis");
        String token = Accounts.accessToken(user.getString("email"), PASSWORD);
        String admin = Accounts.superuserToken();
        assertThat(Api.send(Accounts.authorized("/api/users/me", token).GET()).statusCode()).isEqualTo(200);

        try (Jedis redis = new Jedis("localhost", REDIS_PORT)) {
            redis.clientPause(PAUSE_MILLIS, ClientPauseMode.ALL);
            HttpResponse<String> deactivated = Accounts.sendJson(Accounts.authorized("/api/users/"
                    + user.getJsonNumber("id"), admin), "PATCH", "{\"is_active\":false}");
            assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
            assertProblem(Api.send(Accounts.authorized("/api/users/me", token).GET()), 401, "/api/users/me");
        } finally {
            awaitRedis();
        }
        assertProblem(Api.send(Accounts.authorized("/api/orders", token).GET()), 401, "/api/orders");
    }

    @Test
    void shouldLogInWhileRedisDoesNotAnswer() {
        String email = newUser("no-redis").getString("email");
        double unavailableBefore = Metrics.sample("auth_throttle_unavailable_total\\{[^}]*}");

        try (Jedis redis = new Jedis("localhost", REDIS_PORT)) {
            redis.clientPause(PAUSE_MILLIS, ClientPauseMode.ALL);
            assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
            assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
        } finally {
            awaitRedis();
        }

        assertThat(Metrics.sample("auth_throttle_unavailable_total\\{[^}]*}")).isGreaterThan(unavailableBefore);
    }

    /** Leaves Redis answering again for the tests that follow. */
    private static void awaitRedis() {
        await().atMost(Duration.ofMillis(PAUSE_MILLIS * 3)).ignoreExceptions().until(() -> {
            try (Jedis redis = new Jedis("localhost", REDIS_PORT)) {
                return "PONG".equals(redis.ping());
            }
        });
    }
}
