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
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderplatform.platform.web.ProblemException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Counts failed logins in Redis, per account and per client IP, over a window shared by all replicas. Past the
 * limit, login answers 429 with Retry-After until the window ends; a successful login clears the account's
 * count. Without Redis, logins go on unthrottled (logged, counted as {@code auth_throttle_unavailable_total}).
 */
@ApplicationScoped
public class LoginThrottle {

    static final String PREFIX = "auth:login-failures:";

    @Inject
    JedisPool redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_ACCOUNT", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_IP", defaultValue = "50")
    int maxPerIp;

    @Inject
    @ConfigProperty(name = "LOGIN_FAILURE_WINDOW_SECONDS", defaultValue = "900")
    int windowSeconds;

    /** Throws 429 when the account or the IP has used up its failures. */
    void checkAllowed(String email, String ip) {
        OptionalLong retryAfter = unavailableSafe(() -> {
            try (Jedis jedis = redis.getResource()) {
                long wait = Math.max(blockedFor(jedis, accountKey(email), maxPerAccount),
                        blockedFor(jedis, ipKey(ip), maxPerIp));
                return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
            }
        }, OptionalLong.empty());
        if (retryAfter.isPresent()) {
            metrics.counter("auth.logins", new Tag("outcome", "throttled")).inc();
            throw new ProblemException(429, "/problems/too-many-login-attempts", "Too many login attempts",
                    "Too many failed logins; try again in " + retryAfter.getAsLong() + " seconds", List.of(),
                    Map.of("Retry-After", Long.toString(retryAfter.getAsLong())));
        }
    }

    void recordFailure(String email, String ip) {
        unavailableSafe(() -> {
            try (Jedis jedis = redis.getResource()) {
                increment(jedis, accountKey(email));
                increment(jedis, ipKey(ip));
            }
            return null;
        }, null);
    }

    void recordSuccess(String email) {
        unavailableSafe(() -> {
            try (Jedis jedis = redis.getResource()) {
                jedis.del(accountKey(email));
            }
            return null;
        }, null);
    }

    private long blockedFor(Jedis jedis, String key, int limit) {
        String count = jedis.get(key);
        if (count == null || Long.parseLong(count) < limit) {
            return 0;
        }
        long ttl = jedis.ttl(key);
        return ttl > 0 ? ttl : windowSeconds;
    }

    private void increment(Jedis jedis, String key) {
        if (jedis.incr(key) == 1) {
            jedis.expire(key, windowSeconds);
        }
    }

    private <T> T unavailableSafe(Supplier<T> action, T fallback) {
        try {
            return action.get();
        } catch (JedisException e) {
            metrics.counter("auth.throttle.unavailable").inc();
            log.log(Level.WARNING, "Login throttling is off while Redis is unavailable: " + e.getMessage());
            return fallback;
        }
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
