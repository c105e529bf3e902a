package org.orderplatform.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.orderplatform.platform.db.PostgresTimestamps;

/** An account. Never serialized: the API shows {@link UserView}. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 320)
    private String email;

    /** What emails are compared by ({@link EmailAddresses#key}); unique. */
    @Column(name = "email_key", nullable = false, length = 400)
    private String emailKey;

    @Column(name = "full_name", length = 200)
    private String fullName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "is_superuser", nullable = false)
    private boolean superuser;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Access tokens issued at or before this moment are refused (null: none). */
    @Column(name = "tokens_valid_after")
    private OffsetDateTime tokensValidAfter;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    public User(String email, String fullName, String passwordHash) {
        changeEmail(email);
        this.fullName = fullName;
        this.passwordHash = passwordHash;
    }

    @PrePersist
    void onCreate() {
        createdAt = PostgresTimestamps.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = PostgresTimestamps.now();
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isSuperuser() {
        return superuser;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public void changeEmail(String newEmail) {
        this.email = newEmail;
        this.emailKey = EmailAddresses.key(newEmail);
    }

    public void changeFullName(String newFullName) {
        this.fullName = newFullName;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void setSuperuser(boolean superuser) {
        this.superuser = superuser;
    }

    public OffsetDateTime tokensValidAfter() {
        return tokensValidAfter;
    }

    /** Every access token issued until now stops working (see {@code TokenRevocations}). */
    public void revokeTokensIssuedUntilNow() {
        tokensValidAfter = PostgresTimestamps.now();
    }
}
