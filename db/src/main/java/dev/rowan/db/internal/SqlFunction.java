package dev.rowan.db.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with a connection.
 *
 * @param <R> the result
 */
@FunctionalInterface
public interface SqlFunction<R> {
    /** Runs with a connection that the caller must not close. */
    R apply(Connection c) throws SQLException;
}
