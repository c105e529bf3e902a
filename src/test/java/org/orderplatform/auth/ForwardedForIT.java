package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Replicas;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;

/**
 * With its production default - no TRUSTED_PROXIES - a replica believes no X-Forwarded-For: a client (here, on the
 * same host, the kind of address the old default trusted) cannot choose a fresh throttling address per attempt.
 */
class ForwardedForIT {

    static final int PER_ADDRESS = 5;

    @RegisterExtension
    final Replicas replicas = new Replicas();

    @Test
    void shouldCountEveryAttemptAgainstThePeerWhateverItClaimsToForward() {
        ExtraServer replica = replicas.start("noTrustedProxies", Map.of("APP_ROLE", "api",
                "LOGIN_MAX_FAILURES_PER_IP", Integer.toString(PER_ADDRESS)));
        try (Jedis redis = TestRedis.connect()) {
            redis.del(LoginThrottle.PREFIX + "address:127.0.0.1"); // what other tests' loopback clients left
        }
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(login(replica.base(), "nobody-" + i + "@example.org", Accounts.randomClientAddress())
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = login(replica.base(), "nobody-else@example.org", Accounts.randomClientAddress());

        assertProblem(refused, 429, "/api/auth/login");
    }

    private static HttpResponse<String> login(URI base, String email, String forwardedFor) {
        return Api.send(Api.request(base, "/api/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"Wrong-1\"}")));
    }
}
