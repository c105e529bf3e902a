package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderplatform.platform.redis.RedisOutages;
import org.orderplatform.platform.web.ProblemException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Limits password guessing, per account and per client IP, over a window shared by all replicas (Redis). Every
 * attempt is counted before the password is checked, atomically, so parallel guesses cannot slip past the limit;
 * a successful attempt clears the account's count and gives its slot back to the IP. Past the limit the answer
 * is 429 with Retry-After until the window ends. Without Redis, attempts go on unthrottled (logged, counted as
 * {@code auth_throttle_unavailable_total}).
 */
@ApplicationScoped
public class LoginThrottle {

    static final String PREFIX = "auth:login-attempts:";
    /** INCR with the window set on the first attempt (or repaired if missing); returns {count, ttl}. */
    static final String COUNT_ATTEMPT = """
            local count = redis.call('INCR', KEYS[1])
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('TTL', KEYS[1])}
            """;
    static final String GIVE_BACK = """
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then return redis.call('DECR', KEYS[1]) end
            return 0
            """;

    @Inject
    JedisPool redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    RedisOutages outages;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_ACCOUNT", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_IP", defaultValue = "50")
    int maxPerIp;

    @Inject
    @ConfigProperty(name = "LOGIN_FAILURE_WINDOW_SECONDS", defaultValue = "900")
    int windowSeconds;

    /** Counts a password attempt for the account and the client; throws 429 when either is over its limit. */
    public void attempt(String email, String ip) {
        long retryAfter = 0;
        try (Jedis jedis = redis.getResource()) {
            retryAfter = Math.max(overLimitFor(jedis, accountKey(email), maxPerAccount),
                    overLimitFor(jedis, ipKey(ip), maxPerIp));
            outages.succeeded("login throttling");
        } catch (JedisException e) {
            unavailable(e);
        }
        if (retryAfter > 0) {
            metrics.counter("auth.logins", new Tag("outcome", "throttled")).inc();
            throw new ProblemException(429, "/problems/too-many-login-attempts", "Too many login attempts",
                    "Too many failed attempts; try again in " + retryAfter + " seconds", List.of(),
                    Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    /** The attempt was right: the account starts afresh and the IP gets its slot back. */
    public void succeeded(String email, String ip) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(accountKey(email));
            jedis.eval(GIVE_BACK, List.of(ipKey(ip)), List.of());
        } catch (JedisException e) {
            unavailable(e);
        }
    }

    /** Seconds until the window ends if this attempt is over the limit, else 0. */
    private long overLimitFor(Jedis jedis, String key, int limit) {
        List<?> result = (List<?>) jedis.eval(COUNT_ATTEMPT, List.of(key), List.of(Integer.toString(windowSeconds)));
        long count = (Long) result.get(0);
        long ttl = (Long) result.get(1);
        return count > limit ? Math.max(ttl, 1) : 0;
    }

    private void unavailable(JedisException e) {
        outages.failed("login throttling", "auth.throttle.unavailable", "logins are not throttled", e);
    }

    /** The account is keyed by a hash of its email: no addresses in Redis. */
    private static String accountKey(String email) {
        return PREFIX + "account:" + sha256(email.trim().toLowerCase(Locale.ROOT));
    }

    private static String ipKey(String ip) {
        return PREFIX + "ip:" + ip;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
