package dev.rowan.core.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where session data lives. The default keeps it in a signed cookie (nothing on the server, so
 * instances share nothing); a database or Redis store keeps only an id in the cookie.
 */
public interface SessionStore {
    /** The data for a cookie value; empty when unknown, expired or tampered with. */
    Optional<Map<String, String>> load(String cookieValue);

    /**
     * Stores {@code data} and returns the cookie value to send. {@code rotate} asks for a new
     * identity (login), after which the previous one must no longer load.
     */
    String save(Optional<String> previousCookieValue, Map<String, String> data, boolean rotate, Duration maxAge);

    /** Forgets a session (logout). */
    void delete(String cookieValue);

    /**
     * Session data as one line of text ({@code key=value&...}, URL-encoded), the form the cookie
     * store signs; a server-side store keeps the same text:
     * <pre>{@code
     * redis.set(key, SessionStore.toText(data));
     * }</pre>
     */
    static String toText(Map<String, String> data) {
        return dev.rowan.core.internal.session.CookieSessionStore.text(data);
    }

    /** The data {@link #toText} wrote; empty for text that is not session data (a tampered or foreign value). */
    static Optional<Map<String, String>> fromText(String text) {
        return dev.rowan.core.internal.session.CookieSessionStore.fromText(text);
    }
}
