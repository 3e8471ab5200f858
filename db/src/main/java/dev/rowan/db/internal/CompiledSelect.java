package dev.rowan.db.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text, its bound values and how to read its rows. A cached statement holds
 * {@link QueryShape.Deferred} parameters; {@link #bind} computes them for one execution.
 *
 * @param sql    the statement
 * @param params driver values for the placeholders
 * @param reader row reader
 * @param <R>    result type
 */
public record CompiledSelect<R>(String sql, List<Object> params, RowReader<R> reader) {
    /** This statement with its deferred parameters computed from {@code values}. */
    public CompiledSelect<R> bind(Object[] values) {
        List<Object> bound = new ArrayList<>(params.size());
        for (Object p : params) {
            bound.add(p instanceof QueryShape.Deferred d ? d.resolve(values) : p);
        }
        return new CompiledSelect<>(sql, bound, reader);
    }
}
