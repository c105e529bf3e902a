package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
 * Login sessions and their rotating refresh tokens ({@code <session id>.<secret>}, opaque to clients). Starting
 * and revoking are transactions of their own; the rest joins the caller's.
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

    /** A new session for the user; returns its public id and first refresh token. */
    @Transactional
    public Issued start(long userId) {
        UUID id = UUID.randomUUID();
        String token = newToken(id);
        RefreshSession session = new RefreshSession(id, userId, hash(token),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(lifetimeDays));
        em.persist(session);
        return new Issued(session.publicId(), token);
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

    /** Ends the session an access token names (its {@code sid}). */
    @Transactional
    public void revoke(UUID publicId, String reason) {
        em.createQuery("SELECT s FROM RefreshSession s WHERE s.publicId = :id", RefreshSession.class)
                .setParameter("id", publicId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .ifPresent(session -> session.revoke(reason));
    }

    /** Ends every session of a user (deactivated, password changed), optionally sparing one (by public id). */
    public void revokeAllOf(long userId, String reason, Optional<UUID> except) {
        em.createQuery("SELECT s FROM RefreshSession s WHERE s.userId = :user AND s.revokedAt IS NULL",
                        RefreshSession.class)
                .setParameter("user", userId)
                .getResultList().stream()
                .filter(session -> except.map(id -> !id.equals(session.publicId())).orElse(true))
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

    /** A session's public id and its current refresh token. */
    public record Issued(UUID publicId, String token) {
    }
}
