package dev.rowan.db.internal;

import dev.rowan.db.F;
import dev.rowan.db.Field;
import dev.rowan.db.FieldType;
import dev.rowan.db.spi.Dialect;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * {@code date__year} compared with a year, compiled as Django does: a range on the column itself
 * ({@code col >= '2026-01-01' AND col < '2027-01-01'}) instead of the extracted year, so an index
 * on the column serves it on every database. A year is one contiguous range; a month or a day
 * repeats every year, so those stay extracts. Date-times are bounded in UTC, the zone they are
 * stored and extracted in.
 */
final class YearRange {
    private static final Set<String> LOOKUPS = Set.of("exact", "gt", "gte", "lt", "lte");

    private final Dialect d;
    private final Field field;

    YearRange(Dialect d, Field field) {
        this.d = d;
        this.field = field;
    }

    /** Whether {@code field__year[__lookup] = value} can be a range (else the extract path handles it). */
    static boolean applies(Field f, List<String> rest, Object value) {
        if (f == null || f.type() != FieldType.DATE && f.type() != FieldType.DATE_TIME) {
            return false;
        }
        if (rest.isEmpty() || !rest.getFirst().equals("year") || value == null || value instanceof F) {
            return false;
        }
        return rest.size() == 1 || rest.size() == 2 && LOOKUPS.contains(rest.get(1));
    }

    /** Appends the range condition for {@code lookup} ({@code exact}, {@code gt}, ...) on column {@code lhs}. */
    void lookup(Compiler.Frag out, String lhs, String lookup, Object year) {
        switch (lookup) {
            case "exact" -> {
                out.sql().append('(').append(lhs).append(" >= ? AND ").append(lhs).append(" < ?)");
                out.params().add(bound(year, 0));
                out.params().add(bound(year, 1));
            }
            case "gt" -> bounded(out, lhs, " >= ?", year, 1);
            case "gte" -> bounded(out, lhs, " >= ?", year, 0);
            case "lt" -> bounded(out, lhs, " < ?", year, 0);
            default -> bounded(out, lhs, " < ?", year, 1);   // lte: before the next year starts
        }
    }

    private void bounded(Compiler.Frag out, String lhs, String op, Object year, int offset) {
        out.sql().append(lhs).append(op);
        out.params().add(bound(year, offset));
    }

    /** The driver value of January 1st of {@code year + offset}; deferred when the year is a cache slot. */
    private Object bound(Object year, int offset) {
        if (year instanceof QueryShape.Slot slot) {
            int i = slot.index();
            return (QueryShape.Deferred) values -> Values.toDb(d, field, start(values[i], offset));
        }
        return Values.toDb(d, field, start(year, offset));
    }

    private Object start(Object year, int offset) {
        LocalDate day = LocalDate.of(yearOf(year) + offset, 1, 1);
        return field.type() == FieldType.DATE ? day : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private int yearOf(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).intValue();
        }
        if (value instanceof String s && s.matches("-?\\d{1,9}")) {
            return Integer.parseInt(s);
        }
        throw new IllegalArgumentException("db.E116: " + field + "__year compares with a whole year such as 2026, not '" + value + "'");
    }
}
