package dev.rowan.db;

/**
 * The database cannot be used right now: no connection could be obtained (server down, pool exhausted,
 * wrong address), the server dropped the connection (a restart), or it stayed busy (SQLite's lock held
 * past the busy timeout). The web module answers it with 503 and {@code Retry-After}.
 *
 * <pre>{@code
 * try { Question.objects.count(); } catch (ConnectionUnavailable e) { return 503; }
 * }</pre>
 */
public final class ConnectionUnavailable extends DbException {
    /** Creates the error naming the database alias and the reason. */
    public ConnectionUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
