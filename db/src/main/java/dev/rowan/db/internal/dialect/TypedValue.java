package dev.rowan.db.internal.dialect;

/**
 * A value the binder sends with an explicit JDBC type, e.g. JSON text for a jsonb column.
 *
 * @param value   the value
 * @param sqlType a {@link java.sql.Types} constant
 */
public record TypedValue(Object value, int sqlType) {
}
