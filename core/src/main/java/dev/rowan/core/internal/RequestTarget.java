package dev.rowan.core.internal;

/**
 * The syntax of a request target (RFC 9112 §3.2): origin-form ({@code /path?query}), absolute-form
 * ({@code http://host:port/path?query}, scheme in any case, RFC 3986 §3.1), or anything else, which
 * the dispatcher refuses by its shape.
 *
 * <p>Characters: only those of RFC 3986 ({@code A-Z a-z 0-9 - . _ ~ : / ? # [ ] @ ! $ & ' ( ) * + , ; =})
 * and {@code %} followed by two hex digits. The query may also hold {@code { } | ^ `} and backslash,
 * which browsers and {@code fetch()} send unencoded in query strings (the WHATWG URL standard's query
 * percent-encode set leaves them out), so refusing them would refuse ordinary links. A fragment
 * ({@code #}) never belongs in a request. Absolute-form names an {@code http} or {@code https} host
 * without user information ({@code user@host} is refused, RFC 9110 §4.2.4).
 *
 * <p>Targets are read only through {@code charAt} and {@code subSequence}, so a test can count the reads.
 */
public final class RequestTarget {
    private RequestTarget() {
    }

    /** Why {@code target} is not a valid request target, as a sentence for the client; {@code null} when it is. */
    public static String problem(CharSequence target) {
        if (target.isEmpty()) {
            return "The request target is empty.";
        }
        int start = 0;
        int schemeEnd = schemeEnd(target);
        if (schemeEnd > 0) {
            String absolute = absoluteFormProblem(target, schemeEnd);
            if (absolute != null) {
                return absolute;
            }
            start = pathStart(target);
        }
        return characterProblem(target, start);
    }

    /**
     * Where the path of an absolute-form target begins (its end when it has no path, so the path
     * is {@code /}); 0 for any other form. Only for targets {@link #problem} accepted.
     */
    public static int pathStart(CharSequence target) {
        int schemeEnd = schemeEnd(target);
        if (schemeEnd < 0) {
            return 0;
        }
        int authorityStart = schemeEnd + 3;
        for (int i = authorityStart; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return target.length();
    }

    /** The host and port of an absolute-form target ({@code "example.com:8080"}); {@code null} for other forms. */
    public static String authority(CharSequence target) {
        int schemeEnd = schemeEnd(target);
        return schemeEnd < 0 ? null : target.subSequence(schemeEnd + 3, pathStart(target)).toString();
    }

    /** The index of the ':' after an {@code http}/{@code https} scheme followed by "//"; -1 when there is none. */
    private static int schemeEnd(CharSequence target) {
        if (startsWithIgnoringCase(target, "http://")) {
            return 4;
        }
        if (startsWithIgnoringCase(target, "https://")) {
            return 5;
        }
        return -1;
    }

    /** ASCII case only ({@code prefix} is lower-case ASCII): a scheme has no other letters. */
    private static boolean startsWithIgnoringCase(CharSequence s, String prefix) {
        if (s.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String absoluteFormProblem(CharSequence target, int schemeEnd) {
        int from = schemeEnd + 3;
        int to = pathStart(target);
        for (int i = from; i < to; i++) {
            if (target.charAt(i) == '@') {
                return "The request target names a user (user@host), which an http URL must not carry.";
            }
        }
        if (from == to) {
            return "The request target is an http URL without a host.";
        }
        if (!HostSyntax.isValid(target, from, to)) {
            return "The request target's host '" + shorten(target.subSequence(from, to)) + "' is not a valid host name with an optional port (1-65535).";
        }
        return null;
    }

    private static String characterProblem(CharSequence target, int from) {
        boolean query = false;
        for (int i = from, n = target.length(); i < n; i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= n || Character.digit(target.charAt(i + 1), 16) < 0 || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return "The request target has a '%' that is not followed by two hex digits ('"
                            + shorten(target.subSequence(i, Math.min(n, i + 3))) + "'); a literal '%' is sent as %25.";
                }
                i += 2;
            } else if (c == '?') {
                query = true;
            } else if (c == '#') {
                return "The request target contains '#': a fragment stays in the browser and is never sent.";
            } else if (!isUriChar(c) && !(query && isQueryExtra(c))) {
                return "The request target contains " + describe(c) + ", which is not allowed in a URL; send it percent-encoded (%"
                        + String.format("%02X", (int) c) + ").";
            }
        }
        return null;
    }

    /** RFC 3986's unreserved and reserved characters, less '%' and '#' which the caller handles. */
    private static boolean isUriChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/?[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isQueryExtra(char c) {
        return c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\';
    }

    private static String describe(char c) {
        return c < ' ' || c >= 0x7f ? String.format("the control or non-ASCII character 0x%02X", (int) c) : "the character '" + c + "'";
    }

    private static String shorten(CharSequence s) {
        return s.length() > 60 ? s.subSequence(0, 60) + "…" : s.toString();
    }
}
