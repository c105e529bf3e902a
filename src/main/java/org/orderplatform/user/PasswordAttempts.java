package org.orderplatform.user;

import org.orderplatform.platform.web.client.IpAddress;

/**
 * Guesses at an account's password - a login, or the current password confirming a change - are limited per account
 * and client address. The counting belongs to authentication ({@code auth}'s {@code LoginThrottle}); accounts only
 * ask, so that {@code user} needs nothing from {@code auth}.
 */
public interface PasswordAttempts {

    /** Counts a password attempt for the account from the client; 429 when a limit says wait. */
    void attempt(String email, IpAddress client);

    /** The attempt was right: this address starts afresh for the account, and the attempt is given back. */
    void succeeded(String email, IpAddress client);

    /** The attempt could not be judged (the password check was too busy): it does not count. */
    void notJudged(String email, IpAddress client);

    /** The account's failures as they stand, for a superuser. */
    Lockout lockout(String email);

    /** Forgets every failure counted against the account (a superuser unlocks it). */
    void clear(String email);

    /**
     * Failed logins counted against an account in the current window: how many, how many client addresses are
     * refused for it, whether attempts are being delayed, and when the window ends if nothing else fails.
     */
    record Lockout(long failedAttempts, long lockedAddresses, boolean delayed, long windowEndsInSeconds) {
    }
}
