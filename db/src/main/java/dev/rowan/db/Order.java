package dev.rowan.db;

/**
 * One ordering key: a path, a direction and where NULLs go.
 *
 * <pre>{@code
 * Question.objects.all().orderBy(Order.desc("pubDate").nullsLast(), Order.asc("id"));
 * Question.objects.all().orderBy("-pubDate", "questionText");   // the same with strings
 * }</pre>
 *
 * @param path       the field path
 * @param descending whether descending
 * @param nulls      where NULL values go
 */
public record Order(String path, boolean descending, Nulls nulls) {
    /** Placement of NULL values. */
    public enum Nulls {
        /** The database's default. */
        DEFAULT,
        /** NULLs before other values. */
        FIRST,
        /** NULLs after other values. */
        LAST
    }

    /** Ascending by {@code path}. */
    public static Order asc(String path) {
        return new Order(path, false, Nulls.DEFAULT);
    }

    /** Descending by {@code path}. */
    public static Order desc(String path) {
        return new Order(path, true, Nulls.DEFAULT);
    }

    /** {@code "-path"} is descending, {@code "path"} ascending. */
    public static Order parse(String key) {
        return key.startsWith("-") ? desc(key.substring(1)) : asc(key.startsWith("+") ? key.substring(1) : key);
    }

    /** NULLs first. */
    public Order nullsFirst() {
        return new Order(path, descending, Nulls.FIRST);
    }

    /** NULLs last. */
    public Order nullsLast() {
        return new Order(path, descending, Nulls.LAST);
    }

    /** The opposite direction (and NULL placement). */
    public Order reversed() {
        Nulls n = nulls == Nulls.FIRST ? Nulls.LAST : nulls == Nulls.LAST ? Nulls.FIRST : Nulls.DEFAULT;
        return new Order(path, !descending, n);
    }
}
