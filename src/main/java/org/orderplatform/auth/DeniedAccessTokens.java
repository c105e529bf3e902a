package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Access tokens ended by logout before they expire: their {@code jti} is kept in Redis until the token would
 * have expired anyway, so every replica refuses it. If Redis is unavailable, tokens are let through (they live
 * {@code ACCESS_TOKEN_TTL_SECONDS} at most) and that is logged and counted.
 */
@ApplicationScoped
public class DeniedAccessTokens {

    static final String PREFIX = "auth:denied-jti:";

    @Inject
    JedisPool redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    void deny(String jti, long secondsToExpiry) {
        if (jti == null || secondsToExpiry <= 0) {
            return;
        }
        try (Jedis jedis = redis.getResource()) {
            jedis.setex(PREFIX + jti, secondsToExpiry, "1");
        } catch (JedisException e) {
            unavailable(e);
        }
    }

    public boolean isDenied(String jti) {
        if (jti == null) {
            return false;
        }
        try (Jedis jedis = redis.getResource()) {
            return jedis.exists(PREFIX + jti);
        } catch (JedisException e) {
            unavailable(e);
            return false;
        }
    }

    private void unavailable(JedisException e) {
        metrics.counter("auth.denylist.unavailable").inc();
        log.log(Level.WARNING, "The access-token deny list is unavailable (Redis): " + e.getMessage());
    }
}
