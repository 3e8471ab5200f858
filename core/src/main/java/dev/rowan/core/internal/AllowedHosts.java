package dev.rowan.core.internal;

import dev.rowan.core.Config;
import dev.rowan.core.HttpException;

import java.util.List;
import java.util.Locale;

/**
 * Host validation (like Django's ALLOWED_HOSTS): links built from a forged Host header
 * (password-reset mails, absolute redirects) would point at an attacker's site.
 * Entries: {@code example.com}, {@code .example.com} (the domain and its subdomains), {@code *}.
 * A trailing dot names the same host ({@code example.com.} is {@code example.com}), in requests
 * and in entries alike, so it neither slips past the list nor locks a client out.
 *
 * <p>HTTP/1.0 requests may come without a Host header; they are served as the default host: the
 * first entry (without its leading dot), or {@code localhost} when the first entry is {@code *}.
 */
final class AllowedHosts {
    private final List<String> allowed;
    private final String defaultHost;
    /** The last Host value that passed; clients send the same one over and over. */
    private volatile String lastAccepted;

    private AllowedHosts(List<String> allowed) {
        this.allowed = allowed.stream().map(AllowedHosts::normalizeEntry).toList();
        this.defaultHost = this.allowed.isEmpty() ? null : defaultOf(this.allowed.get(0));
    }

    static AllowedHosts from(Config c) {
        List<String> configured = c.getList("allowed.hosts");
        if (!configured.isEmpty()) {
            return new AllowedHosts(configured);
        }
        if (c.isTest()) {
            return new AllowedHosts(List.of("*"));
        }
        // Dev serves only loopback names; production with no list refuses every host (check core.E002 says so).
        return new AllowedHosts(c.isDev() ? List.of("localhost", ".localhost", "127.0.0.1", "[::1]") : List.of());
    }

    private static String normalizeEntry(String entry) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        return e.length() > 1 && e.endsWith(".") ? e.substring(0, e.length() - 1) : e;
    }

    private static String defaultOf(String entry) {
        return entry.equals("*") ? "localhost" : entry.startsWith(".") ? entry.substring(1) : entry;
    }

    /** The host an HTTP/1.0 request without Host is served as; {@code null} when nothing is allowed. */
    String defaultHost() {
        return defaultHost;
    }

    /** Throws a 400 unless {@code raw} (host and optional port, or null when the request named none) is an allowed host. */
    void check(String raw) {
        if (raw == null) {
            throw HttpException.badRequest("The request has no Host header.");
        }
        if (raw.equals(lastAccepted)) {
            return;
        }
        if (!HostSyntax.isValid(raw)) {
            throw HttpException.badRequest("The Host header '" + shorten(raw) + "' is not a valid host name with an optional port (1-65535).");
        }
        String host = HostSyntax.name(raw);
        for (String a : allowed) {
            if (a.equals("*") || a.equals(host) || (a.startsWith(".") && (host.endsWith(a) || host.equals(a.substring(1))))) {
                lastAccepted = raw;
                return;
            }
        }
        throw HttpException.badRequest("The host '" + shorten(raw) + "' is not in allowed.hosts. Add it to the setting allowed.hosts "
                + "(environment variable ROWAN_ALLOWED_HOSTS) if this app should answer to that name.");
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
