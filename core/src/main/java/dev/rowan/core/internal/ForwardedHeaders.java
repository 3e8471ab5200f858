package dev.rowan.core.internal;

import dev.rowan.core.Headers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a proxy in front of the app says about the client ({@code server.trust-proxy}). Only the
 * entries the proxy itself wrote are believed: the last element of {@code X-Forwarded-For} is the
 * address the proxy received the request from (nginx's {@code $proxy_add_x_forwarded_for} appends
 * it to whatever the client sent, so earlier elements are the client's own, unverifiable claims),
 * and the last element of {@code X-Forwarded-Proto} is the scheme the proxy saw.
 */
final class ForwardedHeaders {
    private ForwardedHeaders() {
    }

    /** The forwarded scheme in lower case ({@code https}, {@code http}), or empty when none was sent. */
    static Optional<String> proto(Headers headers) {
        return lastElement(headers.all("X-Forwarded-Proto")).map(p -> p.toLowerCase(Locale.ROOT));
    }

    /**
     * The last address of {@code X-Forwarded-For}; empty when there is none or it is not an IP
     * literal (a name would need a DNS lookup, and {@code unknown} or junk says nothing).
     */
    static Optional<InetAddress> client(Headers headers) {
        return lastElement(headers.all("X-Forwarded-For")).flatMap(ForwardedHeaders::ipLiteral);
    }

    private static Optional<String> lastElement(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            String last = line.substring(line.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty()) {
                return Optional.of(last);
            }
        }
        return Optional.empty();
    }

    /** An IPv4 or IPv6 literal (IPv6 may be bracketed); parsed without ever resolving a name. */
    static Optional<InetAddress> ipLiteral(String s) {
        String text = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean literal = text.indexOf(':') >= 0 ? isIpv6Text(text) : isIpv4(text);
        if (!literal) {
            return Optional.empty();
        }
        try {
            // A literal: InetAddress parses it and does no lookup.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Only the characters an IPv6 literal may hold, so the JDK treats it as a literal, not a name. */
    private static boolean isIpv6Text(String s) {
        return s.length() <= 45 && s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 128);
    }
}
