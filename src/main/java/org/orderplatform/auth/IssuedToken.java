package org.orderplatform.auth;

import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What revocation looks at in a validated access token: whose it is, its session and when it was issued. */
public record IssuedToken(long userId, Optional<UUID> session, long issuedAtMillis) {

    /** A token whose subject is not a user id (never issued here) belongs to no user: it is refused. */
    static final long NO_USER = -1;

    public static IssuedToken of(JsonWebToken token) {
        return new IssuedToken(userId(token.getSubject()), AccessTokens.sessionOf(token), issuedAtMillis(token));
    }

    private static long userId(String subject) {
        try {
            return subject == null ? NO_USER : Long.parseLong(subject);
        } catch (NumberFormatException e) {
            return NO_USER;
        }
    }

    private static long issuedAtMillis(JsonWebToken token) {
        Object millis = token.getClaim(AccessTokens.ISSUED_AT_MILLIS_CLAIM);
        if (millis instanceof Number number) {
            return number.longValue();
        }
        try {
            return millis != null ? Long.parseLong(millis.toString()) : token.getIssuedAtTime() * 1000;
        } catch (NumberFormatException e) {
            return token.getIssuedAtTime() * 1000;
        }
    }
}
