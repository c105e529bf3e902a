package org.orderplatform.user;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way email addresses are compared: by a key computed here, in Java, for every lookup, uniqueness check and
 * throttling counter. PostgreSQL's {@code lower()} depends on the database's locale and lower-cases some letters
 * differently from Java ({@code İ}), so an address registered with one could not log in with the other.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** Trimmed, in Unicode normal form C (one spelling per character), lower case in the root locale. */
    public static String key(String email) {
        return Normalizer.normalize(email.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
