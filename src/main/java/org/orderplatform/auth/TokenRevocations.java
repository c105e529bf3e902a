package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.db.PostgresTimestamps;
import org.orderplatform.user.User;

/**
 * Access tokens that must stop working before they expire. The truth is in PostgreSQL, written in the same
 * transaction as the change that causes it, so an acknowledged change can never be lost or come too early:
 * <ul>
 *   <li>the user is gone or deactivated: all their tokens;</li>
 *   <li>{@code users.tokens_valid_after}: tokens issued until then (demoted, password changed, ...);</li>
 *   <li>the token's session ({@code sid}) was revoked: logout, reuse of a refresh token.</li>
 * </ul>
 * Each replica checks a user's standing at most every {@code REVOCATION_CHECK_SECONDS} per session, so a
 * revocation reaches every replica within that time - and the replica that made the change at once. Redis plays no
 * part: its eviction or outage cannot revive a token. When PostgreSQL cannot be asked, the request fails (503)
 * rather than let a token through unchecked.
 */
@ApplicationScoped
public class TokenRevocations {

    private static final int MAX_REMEMBERED = 10_000;
    /** Names no session: a token without one has no session that could be revoked. */
    private static final UUID NO_SESSION = new UUID(0, 0);
    private static final String STANDING = """
            SELECT u.is_active, u.tokens_valid_after,
                   EXISTS (SELECT 1 FROM refresh_token_families f
                           WHERE f.public_id = CAST(?2 AS uuid) AND f.revoked_at IS NOT NULL)
            FROM users u WHERE u.id = ?1
            """;

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    @Inject
    Event<AccessRevoked> revoked;

    @Inject
    @ConfigProperty(name = "REVOCATION_CHECK_SECONDS")
    long checkSeconds;

    private final Map<Standing.Key, Standing> standings = new ConcurrentHashMap<>();

    /** Ends every token of the user issued until now, with the caller's transaction. */
    public void revokeAllTokensOf(User user) {
        user.revokeTokensIssuedUntilNow();
        revoked.fire(new AccessRevoked(user.id()));
    }

    /** Tells this replica, once the transaction commits, that the user's standing changed (session revoked...). */
    public void changed(long userId) {
        revoked.fire(new AccessRevoked(userId));
    }

    public boolean isRevoked(IssuedToken token) {
        Standing standing = standingOf(token);
        return !standing.active()
                || standing.sessionRevoked()
                || standing.validAfter().filter(after -> token.issuedAtMillis() <= after).isPresent();
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessRevoked change) {
        standings.keySet().removeIf(key -> key.userId() == change.userId());
    }

    private Standing standingOf(IssuedToken token) {
        Standing.Key key = new Standing.Key(token.userId(), token.session());
        long now = System.nanoTime();
        Standing known = standings.get(key);
        if (known != null && now - known.checkedAtNanos() < checkSeconds * 1_000_000_000L) {
            return known;
        }
        Standing fresh = read(key, now);
        if (standings.size() >= MAX_REMEMBERED) {
            standings.clear(); // a cache, not a store: what is dropped is simply read again
        }
        standings.put(key, fresh);
        return fresh;
    }

    private Standing read(Standing.Key key, long now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(STANDING)
                .setParameter(1, key.userId())
                .setParameter(2, key.session().orElse(NO_SESSION).toString())
                .getResultList();
        if (rows.isEmpty()) {
            return new Standing(false, Optional.empty(), false, now);
        }
        Object[] row = rows.get(0);
        Optional<Long> validAfter = Optional.ofNullable(PostgresTimestamps.fromColumn(row[1]))
                .map(OffsetDateTime::toInstant).map(Instant::toEpochMilli);
        return new Standing(Boolean.TRUE.equals(row[0]), validAfter, Boolean.TRUE.equals(row[2]), now);
    }

    /** A user's standing for one session as last read from PostgreSQL. */
    private record Standing(boolean active, Optional<Long> validAfter, boolean sessionRevoked, long checkedAtNanos) {
        record Key(long userId, Optional<UUID> session) {
        }
    }

    /** The access of a user changed; observed after the commit. */
    public record AccessRevoked(long userId) {
    }
}
