package dev.rowan.db.internal;

import dev.rowan.db.Agg;
import dev.rowan.db.Field;
import dev.rowan.db.FieldError;
import dev.rowan.db.FieldType;
import dev.rowan.db.spi.Dialect;
import dev.rowan.db.spi.ValueReader;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The Java type of an aggregate's value and how to read it, the same on every database: drivers
 * disagree (PostgreSQL sums a bigint into numeric, MariaDB sums anything into DECIMAL, SQLite
 * returns whatever a row held), so the type follows the function and the field, not the driver.
 */
final class AggregateTypes {
    private AggregateTypes() {
    }

    /** The reader for {@code agg} over {@code field} (null: all rows, or a relation counted). */
    static ValueReader reader(Dialect d, Agg<?> agg, Field field) {
        Class<?> type = type(agg, field);
        agg.type().ifPresent(promised -> {
            if (!promised.equals(type)) {
                throw new FieldError("db.E117: " + agg + " is a " + type.getSimpleName() + (field == null ? "" : " (" + field
                        + " is a " + field.type() + " field)") + ", not a " + promised.getSimpleName() + "; use " + factory(agg, type));
            }
        });
        if (type == Long.class) {
            return (rs, i) -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            };
        }
        if (type == Double.class) {
            return (rs, i) -> {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : v;
            };
        }
        if (field == null) {
            return (rs, i) -> rs.getObject(i);
        }
        return d.reader(field);
    }

    /** What {@code agg} over {@code field} yields. */
    static Class<?> type(Agg<?> agg, Field field) {
        return switch (agg.function()) {
            case COUNT -> Long.class;
            case AVG -> Double.class;
            case SUM -> sumType(agg, field);
            case MIN, MAX -> field == null ? Object.class : valueType(field);
        };
    }

    private static Class<?> sumType(Agg<?> agg, Field field) {
        FieldType t = field == null ? null : field.type();
        if (t == FieldType.SMALL_INT || t == FieldType.INT || t == FieldType.BIG_INT || t == FieldType.AUTO) {
            return Long.class;
        }
        if (t == FieldType.DECIMAL) {
            return BigDecimal.class;
        }
        if (t == FieldType.FLOAT || t == FieldType.DOUBLE) {
            return Double.class;
        }
        if (t == FieldType.DURATION) {
            return Duration.class;
        }
        throw new FieldError("db.E117: " + agg + " cannot be computed: " + (field == null ? "the path is not a field"
                : field + " is a " + t + " field") + "; sums are of integer, decimal, float, double or duration fields");
    }

    /** The type a min or max reads: a foreign key's is its target's key. */
    private static Class<?> valueType(Field field) {
        return field.type().isRelation() ? field.relatedModel().orElseThrow().pk().javaType() : field.javaType();
    }

    private static String factory(Agg<?> agg, Class<?> type) {
        String fn = agg.function().name().toLowerCase(java.util.Locale.ROOT);
        String path = "\"" + agg.path() + "\"";
        if (agg.function() == Agg.Function.SUM && type == Long.class) {
            return "Agg.sum(" + path + ")";
        }
        return "Agg." + fn + "(" + path + ", " + type.getSimpleName() + ".class)";
    }
}
