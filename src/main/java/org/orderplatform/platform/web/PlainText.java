package org.orderplatform.platform.web;

/** Bean Validation pattern for free text: no control characters but tab and line breaks. */
public final class PlainText {

    /** PostgreSQL refuses NUL in text, and the other control characters only garble logs and screens. */
    public static final String PATTERN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String MESSAGE = "must not contain control characters";

    private PlainText() {
    }
}
