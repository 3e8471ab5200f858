package dev.rowan.db;

/**
 * No connection to the database could be obtained (server down, pool exhausted, wrong address).
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
