package dev.rowan.core.internal;

import java.util.Locale;

/**
 * The syntax of a host with an optional port ({@code uri-host [":" port]}, RFC 9110 §7.2), as sent
 * in the Host header or in an absolute-form request target. Accepted: DNS names (letters, digits,
 * {@code -} and {@code _} in labels separated by single dots, at most one trailing dot, 255
 * characters at most), IPv4 addresses and bracketed IPv6 literals, then an optional port from 1
 * to 65535 (an empty port after the colon counts as none, RFC 3986 §3.2.3).
 *
 * <p>A trailing dot names the same host (the DNS root, {@code example.com.} is {@code example.com}),
 * so {@link #name} drops it: allowed hosts are matched and {@code ctx.host()} is answered without it.
 */
public final class HostSyntax {
    private static final int MAX_LENGTH = 255;

    private HostSyntax() {
    }

    /** True when {@code s[from, to)} is a host with an optional port. Allocates nothing. */
    public static boolean isValid(CharSequence s, int from, int to) {
        if (to - from == 0 || to - from > MAX_LENGTH + 6) {
            return false;
        }
        int hostEnd = s.charAt(from) == '[' ? ipLiteralEnd(s, from, to) : regNameEnd(s, from, to);
        if (hostEnd < 0 || hostEnd - from > MAX_LENGTH) {
            return false;
        }
        return hostEnd == to || s.charAt(hostEnd) == ':' && isPort(s, hostEnd + 1, to);
    }

    public static boolean isValid(CharSequence s) {
        return isValid(s, 0, s.length());
    }

    /**
     * The host of a {@link #isValid valid} value in lower case, without the port and without a
     * trailing dot: {@code "Example.COM.:8080"} is {@code "example.com"}, {@code "[::1]:80"} is {@code "[::1]"}.
     */
    public static String name(String valid) {
        int end;
        if (valid.startsWith("[")) {
            end = valid.indexOf(']') + 1;
        } else {
            int colon = valid.indexOf(':');
            end = colon < 0 ? valid.length() : colon;
            if (end > 0 && valid.charAt(end - 1) == '.') {
                end--;
            }
        }
        return valid.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** A DNS name or IPv4 address: labels of letters, digits, '-' and '_', single dots, one optional trailing dot. */
    private static int regNameEnd(CharSequence s, int from, int to) {
        int labelLength = 0;
        boolean trailingDot = false;
        int i = from;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                break;
            }
            if (trailingDot) {
                return -1; // something after the trailing dot: an empty label
            }
            if (c == '.') {
                if (labelLength == 0) {
                    return -1;
                }
                labelLength = 0;
                trailingDot = i + 1 == to || s.charAt(i + 1) == ':';
            } else if (isLabelChar(c)) {
                labelLength++;
            } else {
                return -1;
            }
        }
        return labelLength > 0 || trailingDot ? i : -1;
    }

    private static boolean isLabelChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** {@code [} hex digits, colons and dots (an embedded IPv4 tail) {@code ]}, with at least one colon. */
    private static int ipLiteralEnd(CharSequence s, int from, int to) {
        boolean colon = false;
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c == ']') {
                return colon ? i + 1 : -1;
            }
            if (c == ':') {
                colon = true;
            } else if (Character.digit(c, 16) < 0 && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isPort(CharSequence s, int from, int to) {
        if (from == to) {
            return true;
        }
        if (to - from > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535;
    }
}
