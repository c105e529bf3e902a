package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Metrics;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;

/**
 * Redis not answering (all its clients paused for a few seconds): login still works, the throttling that could
 * not run is counted, and the platform stays ready.
 */
class DegradedRedisIT {

    static final long PAUSE_MILLIS = 3000;
    static final int REDIS_PORT = Integer.getInteger("it.redis.port");

    @Test
    void shouldLogInWhileRedisDoesNotAnswer() {
        String email = newUser("no-redis").getString("email");
        double unavailableBefore = Metrics.sample("auth_throttle_unavailable_total\\{[^}]*}");

        try (Jedis redis = new Jedis("localhost", REDIS_PORT)) {
            redis.clientPause(PAUSE_MILLIS, ClientPauseMode.ALL);
            assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
            assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
        } finally {
            // Leave Redis answering again for the tests that follow.
            await().atMost(Duration.ofMillis(PAUSE_MILLIS * 3)).ignoreExceptions().until(() -> {
                try (Jedis redis = new Jedis("localhost", REDIS_PORT)) {
                    return "PONG".equals(redis.ping());
                }
            });
        }

        assertThat(Metrics.sample("auth_throttle_unavailable_total\\{[^}]*}")).isGreaterThan(unavailableBefore);
    }
}
