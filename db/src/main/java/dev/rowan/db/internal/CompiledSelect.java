package dev.rowan.db.internal;

import java.util.List;

/**
 * SQL text, its bound values and how to read its rows.
 *
 * @param sql    the statement
 * @param params driver values for the placeholders
 * @param reader row reader
 * @param <R>    result type
 */
public record CompiledSelect<R>(String sql, List<Object> params, RowReader<R> reader) {
}
