package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login sessions and their rotating refresh tokens ({@code <session id>.<secret>}, opaque to clients). Callers
 * own the transaction.
 */
@ApplicationScoped
public class RefreshSessions {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int SECRET_BYTES = 32;

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_TTL_DAYS", defaultValue = "14")
    int lifetimeDays;

    private final SecureRandom random = new SecureRandom();

    /** A new session for the user; returns its first refresh token. */
    Issued start(long userId) {
        UUID id = UUID.randomUUID();
        String token = newToken(id);
        em.persist(new RefreshSession(id, userId, hash(token),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(lifetimeDays)));
        return new Issued(id, token);
    }

    /** The session a token names, locked for this transaction (concurrent refreshes of one session queue up). */
    Optional<RefreshSession> lockSessionOf(String token) {
        return sessionId(token).map(id -> em.find(RefreshSession.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Whether {@code token} is the session's current token (constant-time). */
    static boolean isCurrent(RefreshSession session, String token) {
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                session.currentTokenHash().getBytes(StandardCharsets.US_ASCII));
    }

    /** Replaces the session's token by a new one and returns it. */
    String rotate(RefreshSession session) {
        String token = newToken(session.id());
        session.rotate(hash(token));
        return token;
    }

    void revoke(UUID sessionId, String reason) {
        RefreshSession session = em.find(RefreshSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session != null) {
            session.revoke(reason);
        }
    }

    /** Ends every session of a user (deactivated, password changed), optionally sparing the caller's own. */
    public void revokeAllOf(long userId, String reason, Optional<UUID> except) {
        em.createQuery("SELECT s FROM RefreshSession s WHERE s.userId = :user AND s.revokedAt IS NULL",
                        RefreshSession.class)
                .setParameter("user", userId)
                .getResultList().stream()
                .filter(session -> except.map(id -> !id.equals(session.id())).orElse(true))
                .forEach(session -> session.revoke(reason));
    }

    private String newToken(UUID sessionId) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return sessionId + "." + B64.encodeToString(secret);
    }

    private static Optional<UUID> sessionId(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Issued(UUID sessionId, String token) {
    }
}
