package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;

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
 * not run is counted, and the platform stays ready; logout says honestly that it could not finish.
 */
class DegradedRedisIT {

    static final long PAUSE_MILLIS = 3000;
    static final int REDIS_PORT = Integer.getInteger("it.redis.port");

    @Test
    void shouldAnswerLogoutWith503UntilTheAccessTokenCanBeRevoked() {
        String token = Accounts.accessToken(newUser("logout-no-redis").getString("email"), PASSWORD);

        try (Jedis redis = new Jedis("localhost", REDIS_PORT)) {
            redis.clientPause(PAUSE_MILLIS, ClientPauseMode.ALL);
            HttpResponse<String> incomplete = Api.send(Accounts.authorized("/api/auth/logout", token)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertProblem(incomplete, 503, "/api/auth/logout");
            assertThat(incomplete.headers().firstValue("Retry-After")).isPresent();
        } finally {
            awaitRedis();
        }

        assertThat(Api.send(Accounts.authorized("/api/auth/logout", token).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(204);
        assertProblem(Api.send(Accounts.authorized("/api/users/me", token).GET()), 401, "/api/users/me");
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
