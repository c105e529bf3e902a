package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderplatform.platform.web.ProblemException;
import org.orderplatform.user.User;
import org.orderplatform.user.UserRepository;
import org.orderplatform.user.UserService;
import redis.clients.jedis.exceptions.JedisException;

/** Registration, login, token refresh and logout. */
@ApplicationScoped
public class AuthService {

    @Inject
    UserService userService;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    RefreshSessions sessions;

    @Inject
    AccessTokens accessTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenRevocations revocations;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    /** Verified against when the email is unknown, so that both failures take as long. */
    private volatile String unknownUserHash;

    public User register(RegisterRequest request) {
        User user = userService.create(request.email(), request.password(), request.fullName(), false);
        metrics.counter("auth.registrations").inc();
        return user;
    }

    /**
     * 401 for an unknown email or a wrong password alike (same answer, similar time), 403 for a deactivated
     * account with the right password, 429 while throttled. The slow password check runs outside any
     * transaction, so logins never hold database connections while hashing.
     */
    public TokenResponse login(String email, String password, String clientIp) {
        throttle.attempt(email, clientIp);
        Optional<User> found = users.findByEmail(email.trim());
        boolean correct = hasher.verify(password, found.map(User::passwordHash).orElseGet(this::unknownUserHash))
                && found.isPresent();
        if (!correct) {
            count("failed");
            throw new ProblemException(401, "/problems/invalid-credentials", "Invalid credentials",
                    "Incorrect email or password");
        }
        User user = found.get();
        if (!user.isActive()) {
            count("refused_inactive");
            throw new ProblemException(403, "/problems/account-disabled", "Account disabled",
                    "This account has been deactivated");
        }
        throttle.succeeded(email, clientIp);
        if (hasher.needsRehash(user.passwordHash())) {
            userService.replacePasswordHash(user.id(), user.passwordHash(), hasher.hash(password));
        }
        count("succeeded");
        return tokensFor(user, sessions.start(user.id()));
    }

    /**
     * Rotates the refresh token. Presenting a token that was already rotated out revokes its whole session
     * (somebody else holds a copy) - that revocation is kept although the request fails.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenResponse refresh(String refreshToken) {
        RefreshSession session = sessions.lockSessionOf(refreshToken)
                .filter(RefreshSession::isUsable)
                .orElseThrow(AuthService::invalidRefreshToken);
        if (!RefreshSessions.isCurrent(session, refreshToken)) {
            session.revoke("reuse-detected");
            log.warning("A rotated-out refresh token of user " + session.userId()
                    + " was presented again; its session was revoked");
            throw invalidRefreshToken();
        }
        User user = users.findById(session.userId()).filter(User::isActive).orElseThrow(() -> {
            session.revoke("user-unavailable");
            return invalidRefreshToken();
        });
        String next = sessions.rotate(session);
        metrics.counter("auth.tokens.refreshed").inc();
        return tokensFor(user, new RefreshSessions.Issued(session.publicId(), next));
    }

    /**
     * Ends the caller's session (its refresh tokens, and every access token issued in it) and the presented
     * access token, on every replica. If Redis cannot record the access tokens' end, answers 503: the session
     * is over, but the client must know its access token still works until it expires - and may retry.
     */
    public void logout(JsonWebToken token) {
        AccessTokens.sessionOf(token).ifPresent(session -> sessions.revoke(session, "logout"));
        try {
            revocations.revokeTokenAndSession(token);
        } catch (JedisException e) {
            log.log(Level.WARNING, "Logout could not revoke the access token (Redis): " + e.getMessage());
            throw new ProblemException(503, "/problems/logout-incomplete", "Logout incomplete",
                    "The session has ended, but the access token could not be revoked yet; retry the logout",
                    List.of(), Map.of("Retry-After", "5"));
        }
    }

    private TokenResponse tokensFor(User user, RefreshSessions.Issued session) {
        return TokenResponse.bearer(accessTokens.issue(user, session.publicId()), accessTokens.lifetimeSeconds(),
                session.token());
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

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(401, "/problems/invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired, revoked or already used; log in again");
    }
}
