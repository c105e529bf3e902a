package org.orderplatform.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A login session: the family of refresh tokens that rotate from one login. Only the SHA-256 of the current token
 * (and of the one before it) is kept; presenting an older one means it was stolen or replayed, and the whole family
 * is revoked. The id inside
 * refresh tokens is known only to their holder; access tokens carry the separate public id.
 */
@Entity
@Table(name = "refresh_token_families")
public class RefreshSession {

    @Id
    private UUID id;

    @Column(name = "public_id", nullable = false, unique = true)
    private UUID publicId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "current_token_hash", nullable = false, length = 64)
    private String currentTokenHash;

    /** The token rotated out last: see {@link RefreshSessions#isJustRotatedOut}. */
    @Column(name = "previous_token_hash", length = 64)
    private String previousTokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "rotated_at", nullable = false)
    private OffsetDateTime rotatedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_reason", length = 40)
    private String revokedReason;

    protected RefreshSession() {
        // for JPA
    }

    RefreshSession(UUID id, long userId, String tokenHash, OffsetDateTime expiresAt) {
        this.id = id;
        this.publicId = UUID.randomUUID();
        this.userId = userId;
        this.currentTokenHash = tokenHash;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        this.rotatedAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    /** How access tokens ({@code sid}) name this session; unlike {@link #id()} it cannot be used to refresh. */
    UUID publicId() {
        return publicId;
    }

    long userId() {
        return userId;
    }

    String currentTokenHash() {
        return currentTokenHash;
    }

    String previousTokenHash() {
        return previousTokenHash;
    }

    /** When the current token was issued (to the millisecond: access tokens issued with it carry this moment). */
    OffsetDateTime rotatedAt() {
        return rotatedAt;
    }

    boolean isUsable() {
        return revokedAt == null && expiresAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC));
    }

    void rotate(String newTokenHash) {
        previousTokenHash = currentTokenHash;
        currentTokenHash = newTokenHash;
        rotatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    void revoke(String reason) {
        if (revokedAt == null) {
            revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
            revokedReason = reason;
        }
    }
}
