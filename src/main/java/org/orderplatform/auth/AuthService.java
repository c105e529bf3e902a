package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderplatform.platform.web.IpAddress;
import org.orderplatform.platform.web.ProblemException;
import org.orderplatform.user.User;
import org.orderplatform.user.UserChanges;
import org.orderplatform.user.UserRepository;

/**
 * Registration, login, token refresh and logout. Passwords are hashed and checked outside any transaction, so that
 * neither a login nor a registration holds a database connection while it waits for the CPU.
 */
@ApplicationScoped
public class AuthService {

    @Inject
    UserChanges userChanges;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

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

    /** Verified against when the email is unknown, so that both failures take as long. */
    private volatile String unknownUserHash;

    /** Throttled per client address (429); the password is checked and hashed before the transaction. */
    public User register(RegisterRequest request, IpAddress client) {
        registrations.attempt(client);
        String hash = credentials.hashNew("password", request.password(), request.email());
        User user = userChanges.create(request.email(), hash, request.fullName());
        metrics.counter("auth.registrations").inc();
        return user;
    }

    /**
     * 401 for an unknown email or a wrong password alike (same answer, similar time), 403 for a deactivated
     * account with the right password, 429 while throttled; an attempt that could not be checked (503) does not
     * count against the account.
     */
    public TokenResponse login(String email, String password, IpAddress client) {
        throttle.attempt(email, client);
        Optional<User> found = users.findByEmail(email);
        boolean correct;
        try {
            correct = hasher.verify(password, found.map(User::passwordHash).orElseGet(this::unknownUserHash))
                    && found.isPresent();
        } catch (PasswordHasher.TooBusyException e) {
            throttle.notJudged(email, client);
            throw e;
        }
        if (!correct) {
            count("failed");
            throw invalidCredentials();
        }
        User user = found.get();
        if (!user.isActive()) {
            count("refused_inactive");
            throw accountDisabled();
        }
        throttle.succeeded(email, client);
        if (hasher.needsRehash(user.passwordHash())) {
            userChanges.replacePasswordHash(user.id(), user.passwordHash(), hasher.hash(password));
        }
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

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = hasher.hash(UUID.randomUUID().toString());
        }
        return unknownUserHash;
    }

    private void count(String outcome) {
        metrics.counter("auth.logins", new Tag("outcome", outcome)).inc();
    }

    static ProblemException invalidCredentials() {
        return new ProblemException(401, "/problems/invalid-credentials", "Invalid credentials",
                "Incorrect email or password");
    }

    static ProblemException accountDisabled() {
        return new ProblemException(403, "/problems/account-disabled", "Account disabled",
                "This account has been deactivated");
    }
}
