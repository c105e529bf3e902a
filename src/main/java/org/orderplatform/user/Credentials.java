package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderplatform.platform.web.client.IpAddress;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * Password work for accounts, always outside transactions: hashing takes tens of milliseconds of CPU and may wait
 * for a turn ({@link PasswordHasher}), and must never hold a pooled database connection meanwhile.
 */
@ApplicationScoped
public class Credentials {

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordAttempts attempts;

    @Inject
    UserRepository users;

    @Inject
    UserChanges changes;

    /** Verified against when the email is unknown, so that both failures take as long. */
    private volatile String unknownUserHash;

    /** The hash of a new password, which must satisfy the policy (422 with field errors otherwise). */
    public String hashNew(String field, String password, String email) {
        List<FieldError> errors = policy.check(field, password, email);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return hasher.hash(password);
    }

    /**
     * The account an email and password prove. 401 for an unknown email or a wrong password alike (same answer,
     * similar time: an unknown email is checked against a made-up hash), 403 for a deactivated account with the
     * right password, 503 ({@link PasswordHasher.TooBusyException}) when the password could not be checked.
     */
    public User authenticate(String email, String password) {
        Optional<User> found = users.findByEmail(email);
        boolean correct = hasher.verify(password, found.map(User::passwordHash).orElseGet(this::unknownUserHash))
                && found.isPresent();
        if (!correct) {
            throw invalidCredentials();
        }
        User user = found.get();
        if (!user.isActive()) {
            throw accountDisabled();
        }
        return user;
    }

    /** Stores the password, just proven right, hashed with today's parameters if its hash was made with others. */
    public void upgradeHash(User user, String password) {
        if (hasher.needsRehash(user.passwordHash())) {
            changes.replacePasswordHash(user.id(), user.passwordHash(), hasher.hash(password));
        }
    }

    /**
     * Checks the user's current password, throttled like a login for the account and client (a stolen access token
     * must not become a password oracle): 403 if wrong, 429 while throttled.
     */
    public void checkCurrent(User user, String currentPassword, IpAddress client) {
        attempts.attempt(user.email(), client);
        boolean correct;
        try {
            correct = hasher.verify(currentPassword, user.passwordHash());
        } catch (PasswordHasher.TooBusyException e) {
            attempts.notJudged(user.email(), client);
            throw e;
        }
        if (!correct) {
            throw UserProblem.WRONG_CURRENT_PASSWORD.exception("The current password is not correct");
        }
        attempts.succeeded(user.email(), client);
    }

    /** 401 - the one answer to an unknown email and to a wrong password. */
    public static ProblemException invalidCredentials() {
        return UserProblem.INVALID_CREDENTIALS.exception("Incorrect email or password");
    }

    /** 403 - the account exists and the password is right, but it was deactivated. */
    public static ProblemException accountDisabled() {
        return UserProblem.ACCOUNT_DISABLED.exception("This account has been deactivated");
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = hasher.hash(UUID.randomUUID().toString());
        }
        return unknownUserHash;
    }
}
