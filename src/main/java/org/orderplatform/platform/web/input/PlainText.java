package org.orderplatform.platform.web.input;

import java.util.Optional;

/**
 * The one rule for text a client sends - body strings, query, path and form parameters: no control characters
 * (C0 but tab and line breaks in {@link FreeText}, DEL, C1), no invisible bidirectional controls (they make text
 * display other than it reads: "Trojan Source"), and no unpaired surrogates (not Unicode at all: PostgreSQL and
 * UTF-8 cannot store them). PostgreSQL also refuses NUL outright, which used to surface as a 500.
 */
public final class PlainText {

    public static final String CONTROL = "must not contain control characters";
    public static final String BIDI = "must not contain bidirectional text controls";
    public static final String SURROGATE = "must not contain unpaired surrogates";

    private PlainText() {
    }

    /** What is wrong with a single-line value (names, emails, passwords, parameters), if anything. */
    public static Optional<String> problem(String text) {
        return problem(text, false);
    }

    /** What is wrong with the text, if anything; {@code freeText} allows tab, CR and LF. */
    public static Optional<String> problem(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a well-formed pair: one code point outside the controls below
            } else if (Character.isSurrogate(c)) {
                return Optional.of(SURROGATE);
            } else if (isControl(c, freeText)) {
                return Optional.of(CONTROL);
            } else if (isBidiControl(c)) {
                return Optional.of(BIDI);
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c, boolean freeText) {
        if (c < 0x20) {
            return !(freeText && (c == '\t' || c == '\n' || c == '\r'));
        }
        return c >= 0x7F && c <= 0x9F;
    }

    /** Marks (LRM, RLM, ALM), embeddings and overrides (LRE..RLO), isolates (LRI..PDI). */
    private static boolean isBidiControl(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
