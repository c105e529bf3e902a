package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderplatform.platform.web.client.IpAddress;
import org.orderplatform.platform.web.paging.PageView;
import org.orderplatform.platform.web.paging.Paging;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * Accounts as the API offers them: reads, self-service changes and administration. Password checks and hashing
 * happen here, outside any transaction; the writes are {@link UserChanges}'.
 */
@ApplicationScoped
public class UserService {

    @Inject
    UserRepository users;

    @Inject
    UserChanges changes;

    @Inject
    Credentials credentials;

    @Inject
    PasswordAttempts attempts;

    public User get(long id) {
        return users.findById(id).orElseThrow(() -> notFound(id));
    }

    public PageView<UserView> page(String query, Paging paging) {
        List<UserView> items = users.page(query, paging).stream().map(UserView::of).toList();
        return new PageView<>(items, users.countMatching(query), paging.page(), paging.size());
    }

    /**
     * A user changes their own account. Email and password changes need the current password (throttled like a
     * login). A new password ends the user's other sessions and every access token issued so far - the caller
     * refreshes theirs.
     */
    public User updateSelf(long id, Optional<UUID> currentSession, SelfUpdate change, IpAddress client) {
        User user = get(id);
        Optional<String> verifiedHash = Optional.empty();
        if (change.email() != null || change.password() != null) {
            if (change.currentPassword() == null) {
                throw ProblemException.invalid(List.of(new FieldError("current_password",
                        "is required to change the email address or the password")));
            }
            credentials.checkCurrent(user, change.currentPassword(), client);
            verifiedHash = Optional.of(user.passwordHash());
        }
        String email = change.email() == null ? user.email() : change.email();
        Optional<String> newHash = Optional.ofNullable(change.password())
                .map(password -> credentials.hashNew("password", password, email));
        return changes.applySelfUpdate(id, currentSession, change, verifiedHash, newHash);
    }

    public User updateByAdmin(long id, AdminUserUpdate change) {
        return changes.updateByAdmin(id, change);
    }

    public void delete(long actingUserId, long id) {
        changes.delete(actingUserId, id);
    }

    /** The failed logins counted against a user's account. */
    public PasswordAttempts.Lockout lockout(long id) {
        return attempts.lockout(get(id).email());
    }

    /** Forgets the failed logins counted against a user's account: they can log in again from anywhere at once. */
    public void clearLockout(long id) {
        attempts.clear(get(id).email());
    }

    static ProblemException notFound(long id) {
        return ProblemException.ofStatus(404, "No user with id " + id);
    }
}
