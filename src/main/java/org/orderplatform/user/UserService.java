package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderplatform.auth.PasswordHasher;
import org.orderplatform.auth.PasswordPolicy;
import org.orderplatform.auth.LoginThrottle;
import org.orderplatform.auth.RefreshSessions;
import org.orderplatform.auth.TokenRevocations;
import org.orderplatform.platform.web.PageView;
import org.orderplatform.platform.web.Paging;
import org.orderplatform.platform.web.ProblemDetails.FieldError;
import org.orderplatform.platform.web.ProblemException;

/** Accounts: creation, self-service changes and administration. Owns the transactions. */
@ApplicationScoped
public class UserService {

    static final String EMAIL_TAKEN = "/problems/email-taken";
    static final String UNIQUE_VIOLATION = "23505";

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    RefreshSessions sessions;

    @Inject
    TokenRevocations tokens;

    @Inject
    LoginThrottle throttle;

    @Transactional
    public User create(String email, String password, String fullName, boolean superuser) {
        String normalized = email.trim();
        List<FieldError> errors = passwordPolicy.check("password", password, normalized);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (users.existsByEmail(normalized)) {
            throw emailTaken(normalized);
        }
        User user = new User(normalized, blankToNull(fullName), hasher.hash(password));
        user.setSuperuser(superuser);
        try {
            return users.add(user);
        } catch (PersistenceException e) {
            throw isUniqueViolation(e) ? emailTaken(normalized) : e; // a concurrent registration won
        }
    }

    public User get(long id) {
        return users.findById(id).orElseThrow(() -> notFound(id));
    }

    public PageView<UserView> page(String query, Paging paging) {
        List<UserView> items = users.page(query, paging).stream().map(UserView::of).toList();
        return new PageView<>(items, users.countMatching(query), paging.page(), paging.size());
    }

    /**
     * A user changes their own account. Email and password changes need the current password, whose checks are
     * throttled like logins (a stolen access token must not become a password oracle). A new password ends the
     * user's other sessions and every access token issued so far - the caller refreshes theirs.
     */
    @Transactional
    public User updateSelf(long id, Optional<UUID> currentSession, SelfUpdate change, String clientIp) {
        User user = get(id);
        if (change.email() != null || change.password() != null) {
            if (change.currentPassword() == null) {
                throw ProblemException.invalid(List.of(new FieldError("current_password",
                        "is required to change the email address or the password")));
            }
            throttle.attempt(user.email(), clientIp);
            if (!hasher.verify(change.currentPassword(), user.passwordHash())) {
                throw new ProblemException(403, "/problems/wrong-current-password", "Wrong current password",
                        "The current password is not correct");
            }
            throttle.succeeded(user.email(), clientIp);
        }
        String email = change.email() == null ? user.email() : change.email();
        if (change.password() != null) {
            List<FieldError> errors = passwordPolicy.check("password", change.password(), email);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        if (change.email() != null && !email.equalsIgnoreCase(user.email())) {
            if (users.existsByEmail(email)) {
                throw emailTaken(email);
            }
            user.changeEmail(email);
        }
        if (change.fullName() != null) {
            user.changeFullName(blankToNull(change.fullName()));
        }
        if (change.password() != null) {
            user.changePasswordHash(hasher.hash(change.password()));
            sessions.revokeAllOf(user.id(), "password-changed", currentSession);
            tokens.revokeAllTokensOf(user.id());
        }
        flushOrConflict(email); // a concurrent change to the same email must be a 409, not a failed commit
        return user;
    }

    /** Swaps a password hash for a stronger one, unless the password changed meanwhile. */
    @Transactional
    public void replacePasswordHash(long id, String expectedHash, String newHash) {
        users.replacePasswordHash(id, expectedHash, newHash);
    }

    /** An administrator changes a user's name, activity or superuser flag. */
    @Transactional
    public User updateByAdmin(long id, AdminUserUpdate change) {
        User user = get(id);
        if (change.fullName() != null) {
            user.changeFullName(blankToNull(change.fullName()));
        }
        boolean demoted = Boolean.FALSE.equals(change.isSuperuser()) && user.isSuperuser();
        boolean deactivated = Boolean.FALSE.equals(change.isActive()) && user.isActive();
        if (change.isSuperuser() != null) {
            user.setSuperuser(change.isSuperuser());
        }
        if (change.isActive() != null) {
            user.setActive(change.isActive());
        }
        if (deactivated) {
            sessions.revokeAllOf(user.id(), "deactivated", Optional.empty());
        }
        if (demoted || deactivated) {
            tokens.revokeAllTokensOf(user.id()); // their tokens still carry the old groups or a live account
        }
        return user;
    }

    @Transactional
    public void delete(long actingUserId, long id) {
        if (actingUserId == id) {
            throw new ProblemException(409, "/problems/cannot-delete-self", "Cannot delete yourself",
                    "An administrator cannot delete their own account");
        }
        users.remove(get(id));
        tokens.revokeAllTokensOf(id);
    }

    private void flushOrConflict(String email) {
        try {
            users.flush();
        } catch (PersistenceException e) {
            throw isUniqueViolation(e) ? emailTaken(email) : e;
        }
    }

    private static ProblemException emailTaken(String email) {
        return new ProblemException(409, EMAIL_TAKEN, "Email already registered",
                "An account with the email address " + email + " already exists");
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(404, "about:blank", "Not Found", "No user with id " + id);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
