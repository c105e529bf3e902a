package org.orderplatform.fuzz;

import static org.orderplatform.testsupport.Gen.weight;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.orderplatform.testsupport.Gen;

/**
 * What an attacker puts where the API expects a value: control, bidirectional and broken characters, numbers too
 * long or too large to parse, strings up to the body limit, wrong JSON types, deep nesting, bytes that are not UTF-8
 * - and the encodings that carry them (JSON string escapes, percent-encoding).
 */
final class Nasty {

    /** The test server's MAX_REQUEST_BODY_BYTES. */
    static final int BODY_LIMIT = 65_536;
    static final String LONE_HIGH = "\ud800";
    static final String LONE_LOW = "\udfff";

    private Nasty() {
    }

    /** Text with something wrong in it, or just odd; short enough for a URL unless {@code huge}. */
    static Gen<String> text(boolean huge) {
        Gen<String> specials = Gen.of("\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u0085",
                "\u009b", "\u202e", "evil\u202egnp.exe", "\u2066x\u2069", "\u200e", "\u200f", "\u061c", LONE_HIGH,
                "x" + LONE_LOW, LONE_LOW + LONE_HIGH, "\t", "line\nbreak", "\r\n", "", " ", "   padded   ", "😀",
                "\ufeff", "\uffff", "\u00a0", "０１２", "١٢٣", "%", "%00", "\\", "'\"", "<script>", "${x}", "../..");
        Gen<String> random = Gen.strings(Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE), 0, 30);
        Gen<String> numbers = numberText(huge ? 60_000 : 3_000);
        Gen<String> big = huge
                ? Gen.of(20_000, BODY_LIMIT - 200).map(n -> "x".repeat(n))
                : Gen.of(400, 3_000).map(n -> "y".repeat(n));
        return Gen.frequency(weight(6, specials), weight(3, random), weight(3, numbers), weight(1, big));
    }

    /** The text of numbers that are hard to parse, out of every type's range, or not quite numbers. */
    static Gen<String> numberText(int longest) {
        return Gen.of("9".repeat(longest), "1." + "3".repeat(longest), "1e999999999", "-1e-999999999",
                "1E+400", "1e-400", "2147483648", "4294967297", "21474838", "9223372036854775808",
                "99999999999999999999", "-9223372036854775809", "-1", "0", "-0", "0.000001", "1.5", "1e2", "0x10",
                "+1", " 1", "1 ", "NaN", "Infinity", "1_000", "00000000000000000000001");
    }

    /** A JSON value of any type that makes no sense where it is put. */
    static Gen<String> jsonValue() {
        Gen<String> strings = text(true).map(Nasty::quote);
        Gen<String> numbers = numberText(60_000).filter(Nasty::isJsonNumber);
        Gen<String> wrongTypes = Gen.of("true", "false", "null", "[]", "{}", "[1,\"a\",null]",
                "{\"a\":{\"b\":[]}}", "[" .repeat(40) + "]".repeat(40), "\"\"");
        return Gen.frequency(weight(5, strings), weight(3, numbers), weight(2, wrongTypes));
    }

    /** A whole body that is broken as such: not UTF-8, not one JSON value, nested too deep, too large. */
    static Gen<byte[]> rawBody(String validJson) {
        byte[] valid = validJson.getBytes(StandardCharsets.UTF_8);
        Gen<byte[]> notUtf8 = Gen.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})
                .flatMap(bad -> Gen.ints(0, valid.length).map(at -> insert(valid, at, bad)));
        Gen<byte[]> truncated = Gen.ints(0, Math.max(0, valid.length - 1))
                .map(at -> java.util.Arrays.copyOf(valid, at));
        Gen<byte[]> shapes = Gen.of("", "null", "[]", "\"text\"", "1e999999999", "9".repeat(60_000),
                        "[".repeat(30_000) + "]".repeat(30_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
                        "\ufeff" + validJson, validJson + " trailing", validJson + validJson, "{\"x\":1,\"x\":2}",
                        " ".repeat(BODY_LIMIT + 1))
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Gen.oneOf(notUtf8, truncated, shapes);
    }

    /** A JSON string literal; control characters and lone surrogates as escapes, the way an attacker sends them. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                json.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** Percent-encoding of every byte but the unreserved ones; a lone surrogate as its (invalid) 3-byte form. */
    static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            byte[] bytes;
            if (pair) {
                bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) 0xED, (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
                continue;
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static boolean isJsonNumber(String text) {
        return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    private static byte[] insert(byte[] body, int at, byte[] bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    /** Percent-encoded bytes that are not UTF-8, for URLs. */
    static final List<String> BROKEN_PERCENT_ENCODINGS = List.of("%FF", "%C3", "%C0%80", "%ED%A0%80", "%E2%80");
}
