package org.orderplatform.platform.web.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a raw query string is percent-encoded UTF-8. JAX-RS decodes anything else leniently - bytes that are not
 * UTF-8 become replacement characters, so that {@code q=%FF} would search for U+FFFD - or fails on it with a 500
 * ({@code q=%ZZ}, {@code q=a|b}); the API refuses it, as it refuses a body that is not UTF-8.
 */
final class QueryString {

    static final String MALFORMED = "The query string is not percent-encoded UTF-8";
    private static final String URL_CHARACTERS = "-._~!$&'()*+,;=:@/?";

    private QueryString() {
    }

    static boolean isPercentEncodedUtf8(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || URL_CHARACTERS.indexOf(c) >= 0)) {
                bytes.write(c);
            } else {
                return false; // not allowed unencoded in a URI (RFC 3986 §3.4)
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
