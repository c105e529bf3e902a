package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.orderplatform.platform.web.IpAddress;
import org.orderplatform.platform.web.ProblemDetails.FieldError;
import org.orderplatform.platform.web.ProblemException;
import org.orderplatform.user.User;

/**
 * Password work for account changes, always outside transactions: hashing takes tens of milliseconds of CPU and
 * may wait for a turn ({@link PasswordHasher}), and must never hold a pooled database connection meanwhile.
 */
@ApplicationScoped
public class Credentials {

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    LoginThrottle throttle;

    /** The hash of a new password, which must satisfy the policy (422 with field errors otherwise). */
    public String hashNew(String field, String password, String email) {
        List<FieldError> errors = policy.check(field, password, email);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return hasher.hash(password);
    }

    /**
     * Checks the user's current password, throttled like a login for the account and client (a stolen access token
     * must not become a password oracle): 403 if wrong, 429 while throttled.
     */
    public void checkCurrent(User user, String currentPassword, IpAddress client) {
        throttle.attempt(user.email(), client);
        boolean correct;
        try {
            correct = hasher.verify(currentPassword, user.passwordHash());
        } catch (PasswordHasher.TooBusyException e) {
            throttle.notJudged(user.email(), client);
            throw e;
        }
        if (!correct) {
            throw new ProblemException(403, "/problems/wrong-current-password", "Wrong current password",
                    "The current password is not correct");
        }
        throttle.succeeded(user.email(), client);
    }
}
