package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.orderplatform.platform.redis.RedisOutages;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Access tokens that must stop working before they expire, shared by every replica through Redis:
 * <ul>
 *   <li>one token ({@code jti}) and its whole session ({@code sid}) at logout;</li>
 *   <li>every token of a user issued before a moment: deactivated, demoted, deleted, password changed.</li>
 * </ul>
 * Entries live as long as a token they concern could still be accepted (lifetime plus clock skew). If Redis
 * cannot be read, tokens are let through (they expire within {@code ACCESS_TOKEN_TTL_SECONDS}); logged and
 * counted as {@code auth_denylist_unavailable_total}.
 */
@ApplicationScoped
public class TokenRevocations {

    static final String TOKEN = "auth:revoked:jti:";
    static final String SESSION = "auth:revoked:sid:";
    static final String USER = "auth:revoked-before:user:";
    /** mpJwt's clock skew (server.xml): a token is accepted this long after its exp. */
    static final long CLOCK_SKEW_SECONDS = 60;

    @Inject
    JedisPool redis;

    @Inject
    RedisOutages outages;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_TTL_SECONDS", defaultValue = "900")
    long lifetimeSeconds;

    /** Ends one token and every other token of its session. Throws if Redis cannot record it. */
    void revokeTokenAndSession(JsonWebToken token) {
        long ttl = lifetimeSeconds + CLOCK_SKEW_SECONDS;
        try (Jedis jedis = redis.getResource()) {
            jedis.setex(TOKEN + token.getTokenID(), ttl, "1");
            AccessTokens.sessionOf(token).ifPresent(sid -> jedis.setex(SESSION + sid, ttl, "1"));
        }
    }

    /** Ends every token of the user issued until now. Without Redis, logs and counts; tokens then expire. */
    public void revokeAllTokensOf(long userId) {
        try (Jedis jedis = redis.getResource()) {
            jedis.setex(USER + userId, lifetimeSeconds + CLOCK_SKEW_SECONDS,
                    Long.toString(Instant.now().toEpochMilli()));
        } catch (JedisException e) {
            unavailable(e);
        }
    }

    public boolean isRevoked(JsonWebToken token) {
        String sid = AccessTokens.sessionOf(token).map(UUID::toString).orElse("-");
        try (Jedis jedis = redis.getResource()) {
            List<String> entries = jedis.mget(TOKEN + token.getTokenID(), SESSION + sid, USER + token.getSubject());
            outages.succeeded("access-token revocations");
            if (entries.get(0) != null || entries.get(1) != null) {
                return true;
            }
            return entries.get(2) != null && issuedAtMillis(token) < Long.parseLong(entries.get(2));
        } catch (JedisException e) {
            unavailable(e);
            return false;
        }
    }

    private static long issuedAtMillis(JsonWebToken token) {
        Object millis = token.getClaim(AccessTokens.ISSUED_AT_MILLIS_CLAIM);
        return millis instanceof Number number ? number.longValue()
                : millis != null ? Long.parseLong(millis.toString()) : token.getIssuedAtTime() * 1000;
    }

    private void unavailable(JedisException e) {
        outages.failed("access-token revocations", "auth.denylist.unavailable",
                "revoked access tokens are accepted until they expire", e);
    }
}
