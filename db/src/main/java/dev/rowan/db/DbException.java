package dev.rowan.db;

/**
 * Base of every error the data layer raises. Database driver exceptions never escape raw: they are
 * translated by the dialect into one of the subclasses.
 *
 * <pre>{@code
 * try { Question.objects.get("pk", 42); } catch (DbException e) { log(e.getMessage()); }
 * }</pre>
 */
public class DbException extends RuntimeException {
    /** Creates an error with a message that explains what to do. */
    public DbException(String message) {
        super(message);
    }

    /** Creates an error caused by a driver exception. */
    public DbException(String message, Throwable cause) {
        super(message, cause);
    }
}
