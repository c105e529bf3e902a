package org.orderplatform.platform.web.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address parsed from its text without any name lookup, for deciding which proxies to believe and
 * for keying per-client limits. IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) are their IPv4 address.
 */
public final class IpAddress {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address in {@code text}, if it is an IP literal; anything else (host names, ports, junk) is empty. */
    public static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        byte[] bytes = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length == 16 && isV4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return Optional.of(new IpAddress(bytes));
    }

    public boolean isV4() {
        return bytes.length == 4;
    }

    /** Whether the first {@code prefixLength} bits equal those of {@code network} (of the same family). */
    boolean isIn(IpAddress network, int prefixLength) {
        if (network.bytes.length != bytes.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network.bytes[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What per-client limits count by: the IPv4 address, or the /64 network of an IPv6 address - one subscriber
     * usually holds a whole /64, and could otherwise use a fresh address for every attempt.
     */
    public String limitKey() {
        if (isV4()) {
            return toString();
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
        return new IpAddress(network) + "/64";
    }

    /** Dotted quad, or eight groups of hex digits without leading zeros (one spelling per address). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (isV4()) {
            for (int i = 0; i < 4; i++) {
                text.append(i == 0 ? "" : ".").append(bytes[i] & 0xFF);
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                text.append(i == 0 ? "" : ":")
                        .append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head, gap < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int count = headGroups.length + tailGroups.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (all[i] >>> 8);
            bytes[2 * i + 1] = (byte) all[i];
        }
        return bytes;
    }

    /** The 16-bit groups of one side of "::"; an IPv4 tail ({@code ::ffff:1.2.3.4}) counts as two groups. */
    private static int[] groups(String side, boolean mayEndInV4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int[] groups = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndInV4 && part.indexOf('.') >= 0) {
                byte[] v4 = parseV4(part);
                if (v4 == null) {
                    return null;
                }
                groups[n++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                groups[n++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
            } else if (part.isEmpty() || part.length() > 4
                    || !part.chars().allMatch(IpAddress::isHexDigit)) {
                return null;
            } else {
                groups[n++] = Integer.parseInt(part, 16);
            }
        }
        return Arrays.copyOf(groups, n);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }
}
