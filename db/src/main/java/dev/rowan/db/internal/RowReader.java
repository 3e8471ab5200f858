package dev.rowan.db.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row into a result object (model instance, map or list).
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface RowReader<R> {
    /** Reads the current row. */
    R read(ResultSet rs) throws SQLException;
}
