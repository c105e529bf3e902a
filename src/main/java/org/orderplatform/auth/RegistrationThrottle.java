package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.redis.RedisOutages;
import org.orderplatform.platform.web.client.IpAddress;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * At most {@code REGISTRATIONS_PER_ADDRESS} registration attempts per client address in
 * {@code REGISTRATION_WINDOW_SECONDS}, shared by all replicas (Redis): every registration hashes a password, so a
 * flood from one address would otherwise take the CPU from everybody else. Past the limit: 429 with Retry-After.
 * Without Redis, registrations go on unthrottled (logged, counted as {@code auth_throttle_unavailable_total}).
 */
@ApplicationScoped
public class RegistrationThrottle {

    static final String PREFIX = "auth:registrations:address:";
    /** INCR with the window set on the first attempt (or repaired if missing); returns {count, ttl}. */
    static final String COUNT = """
            local count = redis.call('INCR', KEYS[1])
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('TTL', KEYS[1])}
            """;

    @Inject
    JedisPool redis;

    @Inject
    RedisOutages outages;

    @Inject
    @ConfigProperty(name = "REGISTRATIONS_PER_ADDRESS", defaultValue = "10")
    int limit;

    @Inject
    @ConfigProperty(name = "REGISTRATION_WINDOW_SECONDS", defaultValue = "3600")
    int windowSeconds;

    public void attempt(IpAddress client) {
        long retryAfter = 0;
        try (Jedis jedis = redis.getResource()) {
            List<?> counted = (List<?>) jedis.eval(COUNT, List.of(PREFIX + client.limitKey()),
                    List.of(Integer.toString(windowSeconds)));
            outages.succeeded("registration throttling");
            if ((Long) counted.get(0) > limit) {
                retryAfter = Math.max((Long) counted.get(1), 1);
            }
        } catch (JedisException e) {
            outages.failed("registration throttling", LoginThrottle.THROTTLE_UNAVAILABLE,
                    "registrations are not throttled", e);
        }
        if (retryAfter > 0) {
            throw AuthProblem.TOO_MANY_REGISTRATIONS.exception(
                    "Too many accounts were registered from this address; try again in " + retryAfter + " seconds",
                    retryAfter);
        }
    }
}
