package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.orderplatform.platform.Causes;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * Every write to accounts, one transaction each. Passwords arrive already hashed (see {@code Credentials}): no
 * transaction waits for a hash. Each change locks the user's row first, so concurrent changes of one account queue
 * up instead of failing, and a change of rights is ordered with the tokens issued around it.
 */
@ApplicationScoped
public class UserChanges {

    static final String UNIQUE_VIOLATION = "23505";

    @Inject
    UserRepository users;

    @Inject
    Superusers superusers;

    @Inject
    AccountSessions sessions;

    @Inject
    Logger log;

    @Transactional
    public User create(String email, String passwordHash, String fullName) {
        String normalized = email.trim();
        if (users.existsByEmail(normalized)) {
            throw emailTaken(normalized);
        }
        try {
            return users.add(new User(normalized, blankToNull(fullName), passwordHash));
        } catch (PersistenceException e) {
            throw isUniqueViolation(e) ? emailTaken(normalized) : e; // a concurrent registration won
        }
    }

    /**
     * Creates the bootstrap superuser if there is no superuser at all (never again once one was created: a deleted
     * administrator does not come back). Replicas starting together queue on the superuser lock; one creates it.
     */
    @Transactional
    public Optional<User> createFirstSuperuser(String email, String passwordHash) {
        superusers.lockChanges();
        if (superusers.anyExists()) {
            return Optional.empty();
        }
        if (users.existsByEmail(email)) {
            log.warning("FIRST_SUPERUSER_EMAIL " + email + " belongs to an ordinary account, which is not promoted; "
                    + "there is no superuser until one is made in the database");
            return Optional.empty();
        }
        User admin = new User(email.trim(), "Administrator", passwordHash);
        admin.setSuperuser(true);
        return Optional.of(users.add(admin));
    }

    /**
     * A user changes their own account; {@code verifiedHash} is the password hash their current password was checked
     * against (if they gave one): when the password changed meanwhile, the change is refused (409).
     */
    @Transactional
    public User applySelfUpdate(long id, Optional<UUID> currentSession, SelfUpdate change,
                                Optional<String> verifiedHash, Optional<String> newPasswordHash) {
        User user = users.lock(id).orElseThrow(() -> UserService.notFound(id));
        if (verifiedHash.filter(hash -> !hash.equals(user.passwordHash())).isPresent()) {
            throw UserProblem.PASSWORD_CHANGED.exception(
                    "The password was changed by another request while this one was checked; retry");
        }
        if (change.email() != null) {
            boolean another = !EmailAddresses.key(change.email()).equals(EmailAddresses.key(user.email()));
            if (another && users.existsByEmail(change.email())) {
                throw emailTaken(change.email());
            }
            user.changeEmail(change.email());
        }
        if (change.fullName() != null) {
            user.changeFullName(blankToNull(change.fullName()));
        }
        newPasswordHash.ifPresent(hash -> {
            user.changePasswordHash(hash);
            sessions.endAll(user, "password-changed", currentSession);
        });
        flushOrConflict(user.email()); // a concurrent change to the same email must be a 409, not a failed commit
        return user;
    }

    /** Swaps a password hash for a stronger one, unless the password changed meanwhile. */
    @Transactional
    public void replacePasswordHash(long id, String expectedHash, String newHash) {
        users.replacePasswordHash(id, expectedHash, newHash);
    }

    /**
     * An administrator changes a user's name, activity or superuser flag. Deactivating or demoting ends the user's
     * sessions and access tokens (their tokens carry the old rights); the last active superuser stays one (409).
     */
    @Transactional
    public User updateByAdmin(long id, AdminUserUpdate change) {
        if (Boolean.FALSE.equals(change.isActive()) || Boolean.FALSE.equals(change.isSuperuser())) {
            superusers.lockChanges();
        }
        User user = users.lock(id).orElseThrow(() -> UserService.notFound(id));
        boolean demoted = Boolean.FALSE.equals(change.isSuperuser()) && user.isSuperuser();
        boolean deactivated = Boolean.FALSE.equals(change.isActive()) && user.isActive();
        if (user.isSuperuser() && user.isActive() && (demoted || deactivated)) {
            superusers.ensureAnotherBesides(user);
        }
        if (change.fullName() != null) {
            user.changeFullName(blankToNull(change.fullName()));
        }
        if (change.isSuperuser() != null) {
            user.setSuperuser(change.isSuperuser());
        }
        if (change.isActive() != null) {
            user.setActive(change.isActive());
        }
        if (demoted || deactivated) {
            sessions.endAll(user, deactivated ? "deactivated" : "demoted", Optional.empty());
        }
        return user;
    }

    @Transactional
    public void delete(long actingUserId, long id) {
        if (actingUserId == id) {
            throw UserProblem.CANNOT_DELETE_SELF.exception("An administrator cannot delete their own account");
        }
        superusers.lockChanges();
        User user = users.lock(id).orElseThrow(() -> UserService.notFound(id));
        if (user.isSuperuser() && user.isActive()) {
            superusers.ensureAnotherBesides(user);
        }
        users.remove(user);
        sessions.deleted(id);
    }

    private void flushOrConflict(String email) {
        try {
            users.flush();
        } catch (PersistenceException e) {
            throw isUniqueViolation(e) ? emailTaken(email) : e;
        }
    }

    private static ProblemException emailTaken(String email) {
        return UserProblem.EMAIL_TAKEN.exception("An account with the email address " + email + " already exists");
    }

    private static boolean isUniqueViolation(Throwable e) {
        return Causes.chain(e).anyMatch(cause -> cause instanceof SQLException sql
                && UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
