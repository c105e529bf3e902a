package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.orderplatform.user.AccountSessions;
import org.orderplatform.user.User;

/** An account's ways in as authentication keeps them: refresh sessions and revocable access tokens. */
@ApplicationScoped
public class SessionsAndTokens implements AccountSessions {

    @Inject
    RefreshSessions sessions;

    @Inject
    TokenRevocations tokens;

    @Override
    public Optional<UUID> sessionOf(JsonWebToken accessToken) {
        return AccessTokens.sessionOf(accessToken);
    }

    @Override
    public void endAll(User user, String reason, Optional<UUID> spared) {
        sessions.revokeAllOf(user.id(), reason, spared);
        tokens.revokeAllTokensOf(user);
    }

    @Override
    public void deleted(long userId) {
        tokens.changed(userId); // its row is gone: every token of it is refused
    }
}
