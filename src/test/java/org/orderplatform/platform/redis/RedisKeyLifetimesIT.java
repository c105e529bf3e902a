package org.orderplatform.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;

/**
 * Redis never fills up with keys nobody removes: every key the platform writes expires, except the processing queue's,
 * which hold job ids until the jobs are done (see docs/operations.md).
 */
class RedisKeyLifetimesIT {

    static final Set<String> PERMANENT = Set.of("orders:jobs:queue", "orders:jobs:in-flight", "orders:jobs:leases",
            "orders:jobs:retries");

    @Test
    void shouldGiveEveryKeyALifetimeButTheProcessingQueues() {
        String email = Accounts.newUser("lifetimes").getString("email");
        Accounts.login(email, "Wrong-password-1");
        String token = Accounts.accessToken(email, Accounts.PASSWORD);
        Orders.place(token);
        assertThat(Orders.get(token, "/api/orders").statusCode()).isEqualTo(200);
        assertThat(Api.send(Accounts.authorized("/api/auth/logout", token)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);

        try (Jedis redis = TestRedis.connect()) {
            Set<String> keys = redis.keys("*");
            assertThat(keys).anyMatch(key -> key.startsWith("auth:login-failures:account:"))
                    .anyMatch(key -> key.startsWith("auth:login-failures:address:"))
                    .anyMatch(key -> key.startsWith("auth:registrations:address:"))
                    .anyMatch(key -> key.startsWith("orders:list:"));
            Set<String> withoutLifetime = keys.stream().filter(key -> redis.ttl(key) == -1)
                    .collect(Collectors.toSet());
            assertThat(withoutLifetime).isSubsetOf(PERMANENT);
        }
    }
}
