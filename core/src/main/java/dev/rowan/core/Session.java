package dev.rowan.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The visitor's session: a small map of strings kept between requests, plus flash messages shown
 * once. By default it lives in a signed cookie, so several instances share nothing; a
 * {@link dev.rowan.core.spi.SessionStore} can keep it on a server instead.
 *
 * <pre>{@code
 * ctx.session().put("cart", "42");
 * ctx.session().flash(Flash.Level.SUCCESS, "Saved.");
 * }</pre>
 */
public interface Session {
    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    Set<String> keys();

    boolean isEmpty();

    /** Removes all data and forgets the session (logout). */
    void invalidate();

    /** Keeps the data under a fresh identity; call on login to stop session fixation. */
    void rotate();

    /** Queues a message for the next page that shows messages. */
    void flash(Flash.Level level, String message);

    /** The queued messages, removed from the session as they are read. */
    List<Flash> consumeFlashes();

    /** A one-time message shown on the next page. */
    record Flash(Level level, String message) {
        public enum Level { DEBUG, INFO, SUCCESS, WARNING, ERROR }
    }
}
