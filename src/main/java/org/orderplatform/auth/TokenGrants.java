package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.platform.web.problem.ProblemException;
import org.orderplatform.user.Credentials;
import org.orderplatform.user.User;
import org.orderplatform.user.UserRepository;

/**
 * Issues token pairs: a login session's first, and each refresh. Both hold the user's row lock while they read the
 * user's rights and sign the access token, so a token is issued either before a change of those rights (and revoked
 * by it) or after it (with the new rights) - never with old rights after the change (see {@link TokenRevocations}).
 */
@ApplicationScoped
public class TokenGrants {

    @Inject
    UserRepository users;

    @Inject
    RefreshSessions sessions;

    @Inject
    AccessTokens accessTokens;

    @Inject
    TokenRevocations revocations;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    /** A new session for a user whose password was just checked: 403 if deactivated meanwhile. */
    @Transactional
    public TokenResponse openSession(long userId) {
        User user = users.lock(userId).orElseThrow(Credentials::invalidCredentials);
        if (!user.isActive()) {
            throw Credentials.accountDisabled();
        }
        RefreshSessions.Started started = sessions.start(user.id());
        return pair(user, started.session(), started.token());
    }

    /**
     * Rotates the refresh token. The token just rotated out, presented again within the grace period, gets the same
     * new pair (a retry whose response was lost). Any older token revokes its whole session (somebody else holds a
     * copy) - that revocation is kept although the request fails.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenResponse refresh(String refreshToken) {
        long owner = sessions.ownerOf(refreshToken).orElseThrow(TokenGrants::invalidRefreshToken);
        User user = users.lock(owner).orElse(null); // the user first: the order every change locks in
        RefreshSession session = sessions.lockSessionOf(refreshToken)
                .filter(RefreshSession::isUsable)
                .orElseThrow(TokenGrants::invalidRefreshToken);
        if (user == null || !user.isActive()) {
            revoke(session, "user-unavailable");
            throw invalidRefreshToken();
        }
        if (RefreshSessions.isCurrent(session, refreshToken)) {
            String next = sessions.rotate(session, refreshToken);
            metrics.counter("auth.tokens.refreshed").inc();
            return pair(user, session, next);
        }
        if (sessions.isJustRotatedOut(session, refreshToken)) {
            log.info("A refresh of user " + user.id() + " was retried within the grace period; same pair returned");
            return pair(user, session, sessions.successorOf(refreshToken));
        }
        revoke(session, "reuse-detected");
        log.warning("A rotated-out refresh token of user " + session.userId()
                + " was presented again; its session was revoked");
        throw invalidRefreshToken();
    }

    private void revoke(RefreshSession session, String reason) {
        session.revoke(reason);
        revocations.changed(session.userId());
    }

    /** The access token carries the moment its refresh token was issued: the same pair for the same session state. */
    private TokenResponse pair(User user, RefreshSession session, String refreshToken) {
        Instant issuedAt = session.rotatedAt().toInstant();
        return TokenResponse.bearer(accessTokens.issue(user, session.publicId(), issuedAt,
                sessions.accessTokenIdFor(refreshToken)), accessTokens.lifetimeSeconds(), refreshToken);
    }

    static ProblemException invalidRefreshToken() {
        return AuthProblem.INVALID_REFRESH_TOKEN.exception(
                "The refresh token is unknown, expired, revoked or already used; log in again");
    }
}
