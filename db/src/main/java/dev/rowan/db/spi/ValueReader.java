package dev.rowan.db.spi;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column of the current row as the Java value of a field ({@code null} for SQL NULL).
 * Dialects build one per field once; the row mapper calls them per row without lookups.
 *
 * <pre>{@code
 * ValueReader longs = (rs, i) -> { long v = rs.getLong(i); return rs.wasNull() ? null : v; };
 * }</pre>
 */
@FunctionalInterface
public interface ValueReader {
    /** Reads column {@code index} (1-based) of the current row. */
    Object read(ResultSet rs, int index) throws SQLException;
}
