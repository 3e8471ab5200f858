package dev.rowan.db;

/**
 * Something computed by the database: a column expression ({@link F}) or an aggregate ({@link Agg}).
 *
 * <pre>{@code
 * Expression e = F.of("votes").plus(1);
 * }</pre>
 */
public sealed interface Expression permits F, Agg {
}
