package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderplatform.platform.web.client.IpAddress;
import org.orderplatform.platform.web.problem.ProblemException;
import org.orderplatform.user.Credentials;
import org.orderplatform.user.PasswordHasher;
import org.orderplatform.user.User;
import org.orderplatform.user.UserChanges;
import org.orderplatform.user.UserProblem;

/**
 * Registration, login, token refresh and logout. Passwords are hashed and checked outside any transaction, so that
 * neither a login nor a registration holds a database connection while it waits for the CPU.
 */
@ApplicationScoped
public class AuthService {

    /** Logins by outcome; LoginThrottle counts the throttled ones. */
    static final String LOGINS = "auth.logins";

    @Inject
    UserChanges userChanges;

    @Inject
    Credentials credentials;

    @Inject
    RefreshSessions sessions;

    @Inject
    TokenGrants grants;

    @Inject
    LoginThrottle throttle;

    @Inject
    RegistrationThrottle registrations;

    @Inject
    MetricRegistry metrics;

    /** Throttled per client address (429); the password is checked and hashed before the transaction. */
    public User register(RegisterRequest request, IpAddress client) {
        registrations.attempt(client);
        String hash = credentials.hashNew("password", request.password(), request.email());
        User user = userChanges.create(request.email(), hash, request.fullName());
        metrics.counter("auth.registrations").inc();
        return user;
    }

    /**
     * The account's password is checked ({@link Credentials#authenticate}: 401, or 403 for a deactivated account),
     * then a session opened. Every attempt is counted first (429 while throttled); a right one is given back, and
     * one that could not be checked (503) does not count against the account.
     */
    public TokenResponse login(String email, String password, IpAddress client) {
        throttle.attempt(email, client);
        User user;
        try {
            user = credentials.authenticate(email, password);
        } catch (PasswordHasher.TooBusyException e) {
            throttle.notJudged(email, client);
            throw e;
        } catch (ProblemException refused) {
            count(UserProblem.ACCOUNT_DISABLED.uri().equals(refused.type()) ? "refused_inactive" : "failed");
            throw refused;
        }
        throttle.succeeded(email, client);
        credentials.upgradeHash(user, password);
        TokenResponse tokens = grants.openSession(user.id());
        count("succeeded");
        return tokens;
    }

    public TokenResponse refresh(String refreshToken) {
        return grants.refresh(refreshToken);
    }

    /**
     * Ends the caller's session: its refresh tokens and every access token issued in it, on every replica (the
     * revocation is in PostgreSQL; Redis is not needed).
     */
    public void logout(JsonWebToken token) {
        AccessTokens.sessionOf(token).ifPresent(session -> sessions.revoke(session, "logout"));
    }

    private void count(String outcome) {
        metrics.counter(LOGINS, new Tag("outcome", outcome)).inc();
    }
}
