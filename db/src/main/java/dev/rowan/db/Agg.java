package dev.rowan.db;

/**
 * An aggregate for {@link QuerySet#aggregate} and {@link QuerySet#annotate}.
 *
 * <pre>{@code
 * Question.objects.all().annotate("numChoices", Agg.count("choice")).filter("numChoices__gt", 1);
 * Choice.objects.all().aggregate(Agg.sum("votes"), Agg.max("votes"));   // {votes__sum=.., votes__max=..}
 * }</pre>
 */
public final class Agg implements Expression {
    /** Aggregate functions. */
    public enum Function {
        /** Number of non-null values (or rows). */
        COUNT,
        /** Sum. */
        SUM,
        /** Average (a Double). */
        AVG,
        /** Smallest. */
        MIN,
        /** Largest. */
        MAX
    }

    private final Function function;
    private final String path;
    private final boolean distinct;

    private Agg(Function function, String path, boolean distinct) {
        this.function = function;
        this.path = path;
        this.distinct = distinct;
    }

    /** Counts non-null values at {@code path} (a reverse relation counts related rows). */
    public static Agg count(String path) {
        return new Agg(Function.COUNT, path, false);
    }

    /** Counts rows. */
    public static Agg countAll() {
        return new Agg(Function.COUNT, "*", false);
    }

    /** Sum of {@code path}. */
    public static Agg sum(String path) {
        return new Agg(Function.SUM, path, false);
    }

    /** Average of {@code path}. */
    public static Agg avg(String path) {
        return new Agg(Function.AVG, path, false);
    }

    /** Minimum of {@code path}. */
    public static Agg min(String path) {
        return new Agg(Function.MIN, path, false);
    }

    /** Maximum of {@code path}. */
    public static Agg max(String path) {
        return new Agg(Function.MAX, path, false);
    }

    /** The same aggregate over distinct values. */
    public Agg distinct() {
        return new Agg(function, path, true);
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

    /** The default result name, e.g. {@code votes__sum}. */
    public String defaultAlias() {
        return ("*".equals(path) ? "all" : path) + "__" + function.name().toLowerCase(java.util.Locale.ROOT);
    }
}
