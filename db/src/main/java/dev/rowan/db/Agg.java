package dev.rowan.db;

import java.util.Locale;
import java.util.Optional;

/**
 * An aggregate for {@link QuerySet#aggregate} and {@link QuerySet#annotate}, typed by its result:
 * a count is a {@code Long}, an average a {@code Double}, a sum of an integer field a {@code Long},
 * a minimum or maximum the field's own type. The same type comes back on every database.
 *
 * <pre>{@code
 * long votes = Choice.objects.all().aggregate(Agg.sum("votes")).orElse(0L);
 * Optional<BigDecimal> revenue = Order.objects.all().aggregate(Agg.sum("total", BigDecimal.class));
 * Optional<Instant> latest = Question.objects.all().aggregate(Agg.max(Question_.pubDate));
 * Question.objects.all().annotate("numChoices", Agg.count("choice")).filter("numChoices__gt", 1);
 * }</pre>
 *
 * <p>Sums of other fields name their type, which is checked against the field when the query
 * compiles ({@code db.E117} when they differ): {@code BigDecimal} for a decimal field,
 * {@code Double} for a float or double field, {@code Duration} for a duration field.
 *
 * @param <V> the Java type of the aggregate's value
 */
public final class Agg<V> implements Expression {
    /** Aggregate functions. */
    public enum Function {
        /** Number of non-null values (or rows): a {@code Long}. */
        COUNT,
        /** Sum: a {@code Long} for integer fields, else the field's type. */
        SUM,
        /** Average: a {@code Double}. */
        AVG,
        /** Smallest: the field's type. */
        MIN,
        /** Largest: the field's type. */
        MAX
    }

    private final Function function;
    private final String path;
    private final boolean distinct;
    private final Class<V> type;

    private Agg(Function function, String path, boolean distinct, Class<V> type) {
        this.function = function;
        this.path = path;
        this.distinct = distinct;
        this.type = type;
    }

    /** Counts non-null values at {@code path} (a reverse relation counts related rows). */
    public static Agg<Long> count(String path) {
        return new Agg<>(Function.COUNT, path, false, Long.class);
    }

    /** Counts non-null values at a typed path. */
    public static Agg<Long> count(Path<?, ?> path) {
        return count(path.path());
    }

    /** Counts rows. */
    public static Agg<Long> countAll() {
        return new Agg<>(Function.COUNT, "*", false, Long.class);
    }

    /** Sum of an integer field ({@code SMALL_INT}, {@code INT}, {@code BIG_INT}) as a {@code Long}. */
    public static Agg<Long> sum(String path) {
        return new Agg<>(Function.SUM, path, false, Long.class);
    }

    /**
     * Sum of {@code path} as {@code type}: {@code Long} for integer fields, {@code BigDecimal} for
     * decimal, {@code Double} for float and double, {@code Duration} for duration fields.
     */
    public static <V> Agg<V> sum(String path, Class<V> type) {
        return new Agg<>(Function.SUM, path, false, type);
    }

    /** Average of {@code path} (a {@code Double}). */
    public static Agg<Double> avg(String path) {
        return new Agg<>(Function.AVG, path, false, Double.class);
    }

    /** Average of a typed path. */
    public static Agg<Double> avg(Path<?, ? extends Number> path) {
        return avg(path.path());
    }

    /** Minimum of {@code path}, whose field's values are {@code type}s (checked when the query compiles). */
    public static <V> Agg<V> min(String path, Class<V> type) {
        return new Agg<>(Function.MIN, path, false, type);
    }

    /** Minimum of a typed path, e.g. {@code Agg.min(Book_.published)} is an {@code Agg<LocalDate>}. */
    public static <V> Agg<V> min(Path<?, V> path) {
        return new Agg<>(Function.MIN, path.path(), false, null);
    }

    /** Maximum of {@code path}, whose field's values are {@code type}s (checked when the query compiles). */
    public static <V> Agg<V> max(String path, Class<V> type) {
        return new Agg<>(Function.MAX, path, false, type);
    }

    /** Maximum of a typed path. */
    public static <V> Agg<V> max(Path<?, V> path) {
        return new Agg<>(Function.MAX, path.path(), false, null);
    }

    /** The same aggregate over distinct values. */
    public Agg<V> distinct() {
        return new Agg<>(function, path, true, type);
    }

    /** The function. */
    public Function function() {
        return function;
    }

    /** The aggregated path ({@code *} for all rows). */
    public String path() {
        return path;
    }

    /** Whether only distinct values count. */
    public boolean isDistinct() {
        return distinct;
    }

    /**
     * The result type this aggregate promised; empty when it comes from a typed {@link Path}, whose
     * generics already carry it.
     */
    public Optional<Class<V>> type() {
        return Optional.ofNullable(type);
    }

    /** The default result name, e.g. {@code votes__sum}. */
    public String defaultAlias() {
        return ("*".equals(path) ? "all" : path) + "__" + function.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Agg." + function.name().toLowerCase(Locale.ROOT) + "(" + path + (distinct ? ", distinct" : "") + ")";
    }
}
