package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.security.Sha256;

/**
 * Login sessions and their rotating refresh tokens ({@code <session id>.<secret>}, opaque to clients). Starting
 * and revoking are transactions of their own; the rest joins the caller's.
 *
 * <p>A session's first secret is random; each next one is an HMAC of the token it replaces, under a key derived
 * from the signing key. So the successor of a token can be computed again, without storing it: a client that
 * retries a refresh whose response it lost, within {@code REFRESH_REUSE_GRACE_SECONDS}, gets the very same new
 * pair instead of having its session ended as a token thief would.
 */
@ApplicationScoped
public class RefreshSessions {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int SECRET_BYTES = 32;

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_TTL_DAYS")
    int lifetimeDays;

    @Inject
    @ConfigProperty(name = "REFRESH_REUSE_GRACE_SECONDS", defaultValue = "10")
    long graceSeconds;

    @Inject
    SigningKey signingKey;

    @Inject
    TokenRevocations revocations;

    private volatile SecretKeySpec rotationKey;

    private final SecureRandom random = new SecureRandom();

    /** A new session for the user, with its first refresh token. */
    @Transactional
    public Started start(long userId) {
        UUID id = UUID.randomUUID();
        String token = newToken(id);
        RefreshSession session = new RefreshSession(id, userId, hash(token),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(lifetimeDays));
        em.persist(session);
        return new Started(session, token);
    }

    /** The user whose session a token names - read without loading the session, which is then locked fresh. */
    Optional<Long> ownerOf(String token) {
        return sessionId(token).flatMap(id -> em.createQuery(
                        "SELECT s.userId FROM RefreshSession s WHERE s.id = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst());
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

    /**
     * Whether {@code token} is the one the session's current token replaced, presented again within the grace
     * period - a retry, answered with the same successor ({@link #successorOf}).
     */
    boolean isJustRotatedOut(RefreshSession session, String token) {
        return session.previousTokenHash() != null
                && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                        session.previousTokenHash().getBytes(StandardCharsets.US_ASCII))
                && MessageDigest.isEqual(hash(successorOf(token)).getBytes(StandardCharsets.US_ASCII),
                        session.currentTokenHash().getBytes(StandardCharsets.US_ASCII))
                && !session.rotatedAt().plusSeconds(graceSeconds).isBefore(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Replaces the session's current token, {@code token}, by its successor and returns that. */
    String rotate(RefreshSession session, String token) {
        String next = successorOf(token);
        session.rotate(hash(next));
        return next;
    }

    /** The token that replaces {@code token} when it is rotated. */
    String successorOf(String token) {
        return token.substring(0, token.indexOf('.') + 1) + B64.encodeToString(hmac("refresh:" + token));
    }

    /** The id ({@code jti}) of the access token issued together with refresh token {@code token}. */
    UUID accessTokenIdFor(String token) {
        ByteBuffer bytes = ByteBuffer.wrap(hmac("access:" + token));
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(rotationKey());
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec rotationKey() throws GeneralSecurityException {
        if (rotationKey == null) {
            byte[] label = "order-platform refresh-token rotation".getBytes(StandardCharsets.UTF_8);
            byte[] key = signingKey.privateKey().getEncoded();
            byte[] input = ByteBuffer.allocate(label.length + key.length).put(label).put(key).array();
            rotationKey = new SecretKeySpec(Sha256.of(input), "HmacSHA256");
        }
        return rotationKey;
    }

    /** Ends the session an access token names (its {@code sid}). */
    @Transactional
    public void revoke(UUID publicId, String reason) {
        em.createQuery("SELECT s FROM RefreshSession s WHERE s.publicId = :id", RefreshSession.class)
                .setParameter("id", publicId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .ifPresent(session -> {
                    session.revoke(reason);
                    revocations.changed(session.userId());
                });
    }

    /** Ends every session of a user (deactivated, demoted, password changed), optionally sparing one (by public id). */
    public void revokeAllOf(long userId, String reason, Optional<UUID> except) {
        em.createQuery("SELECT s FROM RefreshSession s WHERE s.userId = :user AND s.revokedAt IS NULL",
                        RefreshSession.class)
                .setParameter("user", userId)
                .getResultList().stream()
                .filter(session -> except.map(id -> !id.equals(session.publicId())).orElse(true))
                .forEach(session -> session.revoke(reason));
    }

    /**
     * Deletes sessions that expired or were revoked longer than {@code age} ago, at most {@code limit} (rows other
     * transactions hold are skipped); how many. Nothing refers to such a session any more: its refresh tokens are
     * refused, its access tokens long expired.
     */
    public int deleteEndedBefore(Duration age, int limit) {
        double seconds = age.toSeconds();
        return em.createNativeQuery("DELETE FROM refresh_token_families WHERE id IN (SELECT id FROM "
                        + "refresh_token_families WHERE expires_at < now() - make_interval(secs => ?) "
                        + "OR revoked_at < now() - make_interval(secs => ?) LIMIT ? FOR UPDATE SKIP LOCKED)")
                .setParameter(1, seconds).setParameter(2, seconds).setParameter(3, limit).executeUpdate();
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
        return Sha256.hex(token);
    }

    /** A new session and its first refresh token. */
    record Started(RefreshSession session, String token) {
    }
}
