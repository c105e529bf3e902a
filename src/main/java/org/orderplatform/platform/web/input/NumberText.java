package org.orderplatform.platform.web.input;

import java.util.Optional;

/**
 * The bound on a number's text, checked before anything parses it. BigDecimal parses long digit strings in
 * quadratic time (900,000 digits cost half a minute of CPU), and a short text with a huge exponent
 * ({@code 1e999999999}) makes setScale, toPlainString and the like build numbers with a billion digits. No number
 * the API takes comes near the bounds: money has at most 13 characters, ids and versions at most 19 digits.
 */
public final class NumberText {

    static final int MAX_LENGTH = 40;
    static final int MAX_EXPONENT_DIGITS = 3;
    public static final String MESSAGE = "must be a number of at most " + MAX_LENGTH
            + " characters with an exponent from -999 to 999";

    private NumberText() {
    }

    /** What is wrong with the text of a number, if anything; whether it is a number at all is the parser's call. */
    public static Optional<String> problem(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.of(MESSAGE);
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) {
            return Optional.empty();
        }
        String exponent = text.substring(e + 1).replaceFirst("^[+-]?0*", "");
        return exponent.length() > MAX_EXPONENT_DIGITS ? Optional.of(MESSAGE) : Optional.empty();
    }
}
