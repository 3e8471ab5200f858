package dev.rowan.db;

import java.util.Optional;

/**
 * A column expression evaluated by the database, for race-free updates and column-to-column filters.
 *
 * <pre>{@code
 * Choice.objects.filter("pk", id).update("votes", F.of("votes").plus(1));
 * Choice.objects.filter("votes__gt", F.of("question__id"));
 * }</pre>
 */
public final class F implements Expression {
    /** Expression kinds. */
    public enum Kind {
        /** A field path. */
        COLUMN,
        /** A bound value. */
        VALUE,
        /** {@code left op right}. */
        BINARY
    }

    private final Kind kind;
    private final String path;
    private final Object value;
    private final String op;
    private final F left;
    private final F right;

    private F(Kind kind, String path, Object value, String op, F left, F right) {
        this.kind = kind;
        this.path = path;
        this.value = value;
        this.op = op;
        this.left = left;
        this.right = right;
    }

    /** The value of the field at {@code path}. */
    public static F of(String path) {
        return new F(Kind.COLUMN, path, null, null, null, null);
    }

    /** A constant, bound as a parameter. */
    public static F value(Object value) {
        return value instanceof F f ? f : new F(Kind.VALUE, null, value, null, null, null);
    }

    /** {@code this + other}. */
    public F plus(Object other) {
        return binary("+", other);
    }

    /** {@code this - other}. */
    public F minus(Object other) {
        return binary("-", other);
    }

    /** {@code this * other}. */
    public F times(Object other) {
        return binary("*", other);
    }

    /** {@code this / other}. */
    public F div(Object other) {
        return binary("/", other);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The path of a column expression. */
    public String path() {
        return path;
    }

    /** The constant of a value expression. */
    public Optional<Object> value() {
        return Optional.ofNullable(value);
    }

    /** The operator of a binary expression. */
    public String op() {
        return op;
    }

    /** The left operand of a binary expression. */
    public Optional<F> left() {
        return Optional.ofNullable(left);
    }

    /** The right operand of a binary expression. */
    public Optional<F> right() {
        return Optional.ofNullable(right);
    }

    private F binary(String operator, Object other) {
        return new F(Kind.BINARY, null, null, operator, this, value(other));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case COLUMN -> "F(" + path + ")";
            case VALUE -> String.valueOf(value);
            case BINARY -> "(" + left + " " + op + " " + right + ")";
        };
    }
}
