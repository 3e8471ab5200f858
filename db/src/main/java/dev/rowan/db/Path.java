package dev.rowan.db;

import java.util.Collection;
import java.util.List;

/**
 * A typed field path for type-safe queries on top of string paths; a metamodel class declares one
 * constant per field (hand-written for now, see {@code Question_} in the tests; a generator comes later).
 *
 * <pre>{@code
 * Question.objects.filter(Question_.pubDate.lte(Instant.now())).orderBy(Question_.pubDate.desc());
 * Choice.objects.filter(Choice_.question.then(Question_.pubDate).year().eq(2026));
 * }</pre>
 *
 * @param <M> the model the path starts at
 * @param <V> the value type at the end of the path
 */
public final class Path<M extends Model, V> {
    private final String path;

    private Path(String path) {
        this.path = path;
    }

    /** A path by name, e.g. {@code Path.of("pubDate")}. */
    public static <M extends Model, V> Path<M, V> of(String path) {
        return new Path<>(path);
    }

    /** The string path, e.g. {@code question__pubDate}. */
    public String path() {
        return path;
    }

    /** Follows a relation: {@code Choice_.question.then(Question_.pubDate)}. */
    public <R extends Model, W> Path<M, W> then(Path<R, W> next) {
        return new Path<>(path + "__" + next.path);
    }

    /** The year of a date or date-time. */
    public Path<M, Integer> year() {
        return new Path<>(path + "__year");
    }

    /** The month (1-12) of a date or date-time. */
    public Path<M, Integer> month() {
        return new Path<>(path + "__month");
    }

    /** The day of month of a date or date-time. */
    public Path<M, Integer> day() {
        return new Path<>(path + "__day");
    }

    /** {@code = value}. */
    public Q eq(V value) {
        return Q.of(path, value);
    }

    /** {@code <> value}. */
    public Q ne(V value) {
        return Q.not(Q.of(path, value));
    }

    /** {@code < value}. */
    public Q lt(V value) {
        return Q.of(path + "__lt", value);
    }

    /** {@code <= value}. */
    public Q lte(V value) {
        return Q.of(path + "__lte", value);
    }

    /** {@code > value}. */
    public Q gt(V value) {
        return Q.of(path + "__gt", value);
    }

    /** {@code >= value}. */
    public Q gte(V value) {
        return Q.of(path + "__gte", value);
    }

    /** {@code BETWEEN from AND to}. */
    public Q between(V from, V to) {
        return Q.of(path + "__range", List.of(from, to));
    }

    /** {@code IN (values)}. */
    public Q in(Collection<? extends V> values) {
        return Q.of(path + "__in", values);
    }

    /** {@code IS NULL}. */
    public Q isNull() {
        return Q.of(path + "__isnull", true);
    }

    /** Case-sensitive substring match. */
    public Q contains(String text) {
        return Q.of(path + "__contains", text);
    }

    /** Case-insensitive substring match. */
    public Q icontains(String text) {
        return Q.of(path + "__icontains", text);
    }

    /** Case-sensitive prefix match. */
    public Q startsWith(String text) {
        return Q.of(path + "__startswith", text);
    }

    /** Compares to another column or expression. */
    public Q eq(F expression) {
        return Q.of(path, expression);
    }

    /** The column as an expression, e.g. {@code Choice_.votes.f().plus(1)}. */
    public F f() {
        return F.of(path);
    }

    /** Ascending order. */
    public Order asc() {
        return Order.asc(path);
    }

    /** Descending order. */
    public Order desc() {
        return Order.desc(path);
    }

    @Override
    public String toString() {
        return path;
    }
}
