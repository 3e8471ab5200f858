package dev.rowan.core.internal;

import java.util.List;

/**
 * The path prefixes marked as an API ({@code Routes.api()}), where every error is JSON. Matched on
 * the raw path as well as the decoded one, so a path that cannot be decoded at all (a {@code %00})
 * is still known to be under an API prefix.
 */
final class ApiPaths {
    private final List<Prefix> prefixes;

    /** {@code literal} is the prefix up to its first parameter; {@code open} when it was cut there. */
    private record Prefix(String literal, boolean open) {
        boolean covers(String path) {
            if (literal.isEmpty() || open) {
                return path.startsWith(literal);
            }
            return path.startsWith(literal) && (path.length() == literal.length() || path.charAt(literal.length()) == '/');
        }
    }

    private ApiPaths(List<Prefix> prefixes) {
        this.prefixes = prefixes;
    }

    static ApiPaths of(List<String> groupPrefixes) {
        return new ApiPaths(groupPrefixes.stream().map(ApiPaths::literalPart).toList());
    }

    private static Prefix literalPart(String prefix) {
        int param = prefix.indexOf('{');
        return param < 0 ? new Prefix(prefix, false) : new Prefix(prefix.substring(0, param), true);
    }

    boolean isEmpty() {
        return prefixes.isEmpty();
    }

    boolean covers(String path) {
        for (Prefix p : prefixes) {
            if (p.covers(path)) {
                return true;
            }
        }
        return false;
    }
}
