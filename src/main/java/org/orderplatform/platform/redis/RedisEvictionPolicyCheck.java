package org.orderplatform.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Warns at start-up when Redis may evict keys. Redis holds more than a cache here: the login-throttling counters
 * (with a TTL) and the processing queue (without). A policy that evicts, when Redis reaches {@code maxmemory}, would
 * reset lockouts and drop queued jobs (reconciliation only requeues those after STUCK_ORDER_AFTER_SECONDS). Only
 * {@code noeviction} is safe: writes fail instead, and every feature already copes with a failing Redis. Managed
 * Redis services often forbid CONFIG: then nothing is said.
 */
@ApplicationScoped
public class RedisEvictionPolicyCheck {

    static final String SAFE_POLICY = "noeviction";

    @Inject
    JedisPool redis;

    @Inject
    Logger log;

    void check(@Observes Startup startup) {
        String policy;
        try (Jedis jedis = redis.getResource()) {
            policy = jedis.configGet("maxmemory-policy").get("maxmemory-policy");
        } catch (JedisException e) {
            log.log(Level.FINE, "Could not read Redis' maxmemory-policy", e);
            return;
        }
        if (policy != null && !SAFE_POLICY.equals(policy)) {
            log.warning("Redis' maxmemory-policy is " + policy + ": once Redis is full it evicts keys, which would "
                    + "revive logged-out access tokens, reset login throttling and drop queued order jobs. Set "
                    + "maxmemory-policy " + SAFE_POLICY + " (see docs/operations.md)");
        }
    }
}
