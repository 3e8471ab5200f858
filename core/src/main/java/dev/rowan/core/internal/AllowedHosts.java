package dev.rowan.core.internal;

import dev.rowan.core.Config;
import dev.rowan.core.HttpException;

import java.util.List;
import java.util.Locale;

/**
 * Host-header validation (like Django's ALLOWED_HOSTS): links built from a forged Host header
 * (password-reset mails, absolute redirects) would point at an attacker's site.
 * Entries: {@code example.com}, {@code .example.com} (the domain and its subdomains), {@code *}.
 */
final class AllowedHosts {
    private final List<String> allowed;
    /** The last Host value that passed; clients send the same one over and over. */
    private volatile String lastAccepted;

    private AllowedHosts(List<String> allowed) {
        this.allowed = allowed;
    }

    static AllowedHosts from(Config c) {
        List<String> configured = c.getList("allowed.hosts").stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (!configured.isEmpty()) {
            return new AllowedHosts(configured);
        }
        if (c.isTest()) {
            return new AllowedHosts(List.of("*"));
        }
        // Dev serves only loopback names; production with no list refuses every host (check core.E002 says so).
        return new AllowedHosts(c.isDev() ? List.of("localhost", ".localhost", "127.0.0.1", "[::1]") : List.of());
    }

    /** Throws a 400 unless {@code raw} (the Host header, or null when absent) names an allowed host. */
    void check(String raw) {
        if (raw == null) {
            throw HttpException.badRequest("The request has no Host header.");
        }
        if (raw.equals(lastAccepted)) {
            return;
        }
        String host = Dispatcher.hostWithoutPort(raw).toLowerCase(Locale.ROOT);
        if (!wellFormed(raw)) {
            throw HttpException.badRequest("The Host header '" + shorten(raw) + "' is not a valid host name.");
        }
        for (String a : allowed) {
            if (a.equals("*") || a.equals(host) || (a.startsWith(".") && (host.endsWith(a) || host.equals(a.substring(1))))) {
                lastAccepted = raw;
                return;
            }
        }
        throw HttpException.badRequest("The Host header '" + shorten(raw) + "' is not in allowed.hosts. Add it to the setting allowed.hosts "
                + "(environment variable ROWAN_ALLOWED_HOSTS) if this app should answer to that name.");
    }

    private static boolean wellFormed(String raw) {
        if (raw.isEmpty() || raw.length() > 255) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':'
                    || c == '[' || c == ']' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
