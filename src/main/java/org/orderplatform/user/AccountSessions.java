package org.orderplatform.user;

import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a change of an account does to the ways in: its login sessions and the access tokens issued in them. Those
 * belong to authentication ({@code auth} implements this); accounts only say when they must end, so that
 * {@code user} needs nothing from {@code auth}.
 */
public interface AccountSessions {

    /** The login session an access token was issued in (to spare the caller's own when the others end). */
    Optional<UUID> sessionOf(JsonWebToken accessToken);

    /**
     * Ends, with the caller's transaction, every session of the user but {@code spared} and every access token
     * issued to the user until now - its rights changed, or its password; {@code reason} is kept with the sessions.
     */
    void endAll(User user, String reason, Optional<UUID> spared);

    /** The user is deleted with the caller's transaction: their tokens are refused from its commit on. */
    void deleted(long userId);
}
