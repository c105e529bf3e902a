package org.orderplatform.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;

/** What a replica says at start-up about Redis' eviction policy: Redis holds more than a cache here. */
class RedisEvictionPolicyIT {

    static final String WARNING = "maxmemory-policy is volatile-lru: once Redis is full it evicts keys";

    @Test
    void shouldWarnAtStartUpWhenRedisMayEvictKeys() {
        assertThat(ExtraServer.testServerMessages()).as("the test server's Redis does not evict")
                .doesNotContain("maxmemory-policy is");
        try (Jedis redis = TestRedis.connect()) {
            redis.configSet("maxmemory-policy", "volatile-lru");
        }
        try (ExtraServer replica = ExtraServer.start("evictingRedis", Map.of("APP_ROLE", "api"))) {
            assertThat(replica.messages()).contains(WARNING).contains("Set maxmemory-policy noeviction");
        } finally {
            try (Jedis redis = TestRedis.connect()) {
                redis.configSet("maxmemory-policy", "noeviction");
            }
        }
    }
}
