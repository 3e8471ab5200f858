package dev.rowan.test.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's cookie store, reduced to one host: Set-Cookie with Path, Max-Age, Expires and Secure.
 * A cookie with Max-Age 0 (or an Expires in the past) is deleted, as browsers do.
 */
public final class CookieJar {
    private record StoredCookie(String name, String value, String path, boolean secure) {}

    // Keyed by name and path: the same name may live at two paths.
    private final Map<String, StoredCookie> cookies = new LinkedHashMap<>();

    public synchronized void receive(String setCookieHeader, String requestPath) {
        String[] parts = setCookieHeader.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).strip();
        String value = unquote(parts[0].substring(eq + 1).strip());
        String path = defaultPath(requestPath);
        boolean secure = false;
        boolean expired = false;
        boolean hasMaxAge = false;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].strip();
            int aeq = attr.indexOf('=');
            String key = (aeq < 0 ? attr : attr.substring(0, aeq)).strip().toLowerCase(Locale.ROOT);
            String val = aeq < 0 ? "" : attr.substring(aeq + 1).strip();
            switch (key) {
                case "path" -> path = val.startsWith("/") ? val : defaultPath(requestPath);
                case "secure" -> secure = true;
                case "max-age" -> {
                    hasMaxAge = true;
                    expired = parseLong(val) <= 0;
                }
                case "expires" -> {
                    if (!hasMaxAge) {
                        expired = isPast(val);
                    }
                }
                default -> {
                    // Domain, HttpOnly, SameSite: one host and no scripts here, so nothing to do.
                }
            }
        }
        String key = name + "\u0000" + path;
        if (expired) {
            cookies.remove(key);
        } else {
            cookies.put(key, new StoredCookie(name, value, path, secure));
        }
    }

    /** The Cookie header for a request, or empty when no cookie applies. */
    public synchronized Optional<String> headerFor(String requestPath, boolean secure) {
        var matching = new ArrayList<StoredCookie>();
        for (StoredCookie c : cookies.values()) {
            if (pathMatches(c.path(), requestPath) && (!c.secure() || secure)) {
                matching.add(c);
            }
        }
        // Longer paths first, as browsers send them.
        matching.sort((a, b) -> b.path().length() - a.path().length());
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        var sb = new StringBuilder();
        for (StoredCookie c : matching) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(c.name()).append('=').append(c.value());
        }
        return Optional.of(sb.toString());
    }

    /** Name to value; for one name at several paths, the most specific path wins. */
    public synchronized Map<String, String> asMap() {
        var out = new LinkedHashMap<String, String>();
        cookies.values().stream().sorted((a, b) -> a.path().length() - b.path().length())
                .forEach(c -> out.put(c.name(), c.value()));
        return out;
    }

    public synchronized void put(String name, String value, String path) {
        cookies.put(name + "\u0000" + path, new StoredCookie(name, value, path, false));
    }

    public synchronized void remove(String name) {
        cookies.values().removeIf(c -> c.name().equals(name));
    }

    public synchronized void clear() {
        cookies.clear();
    }

    static boolean pathMatches(String cookiePath, String requestPath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath) && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    private static String defaultPath(String requestPath) {
        int last = requestPath.lastIndexOf('/');
        return last <= 0 ? "/" : requestPath.substring(0, last);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean isPast(String httpDate) {
        try {
            return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).isBefore(ZonedDateTime.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public synchronized String toString() {
        return asMap().toString();
    }

    /** For diagnostics in failure messages. */
    public synchronized List<String> describe() {
        return cookies.values().stream().map(c -> c.name() + "=" + c.value() + " (Path=" + c.path() + (c.secure() ? ", Secure" : "") + ")").toList();
    }
}
