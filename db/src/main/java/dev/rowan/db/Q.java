package dev.rowan.db;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter condition: a path with a lookup and a value, or an and/or/not combination of conditions.
 * Values are always sent as bound parameters.
 *
 * <pre>{@code
 * Q recent = Q.of("pubDate__gte", since);
 * Question.objects.filter(recent.or(Q.of("questionText__startswith", "What")).and(Q.not(Q.of("pk", 3))));
 * }</pre>
 */
public final class Q {
    /** The node kinds. */
    public enum Kind {
        /** {@code path = value}. */
        LEAF,
        /** All children hold. */
        AND,
        /** Any child holds. */
        OR,
        /** The single child does not hold. */
        NOT
    }

    private final Kind kind;
    private final String path;
    private final Object value;
    private final List<Q> children;

    private Q(Kind kind, String path, Object value, List<Q> children) {
        this.kind = kind;
        this.path = path;
        this.value = value;
        this.children = children;
    }

    /**
     * {@code path} with an optional lookup suffix ({@code "pubDate__year"}, {@code "question__pk__in"})
     * compared to {@code value}, which may be an {@link F} expression or a model instance.
     */
    public static Q of(String path, Object value) {
        return new Q(Kind.LEAF, path, value, List.of());
    }

    /** All of {@code qs} (an empty list is always true). */
    public static Q and(Q... qs) {
        return new Q(Kind.AND, "", null, List.of(qs));
    }

    /** Any of {@code qs} (an empty list is always false). */
    public static Q or(Q... qs) {
        return new Q(Kind.OR, "", null, List.of(qs));
    }

    /** Negation. */
    public static Q not(Q q) {
        return new Q(Kind.NOT, "", null, List.of(q));
    }

    /** This and {@code other}. */
    public Q and(Q other) {
        List<Q> all = new ArrayList<>(kind == Kind.AND ? children : List.of(this));
        all.add(other);
        return new Q(Kind.AND, "", null, List.copyOf(all));
    }

    /** This or {@code other}. */
    public Q or(Q other) {
        List<Q> all = new ArrayList<>(kind == Kind.OR ? children : List.of(this));
        all.add(other);
        return new Q(Kind.OR, "", null, List.copyOf(all));
    }

    /** The negation of this. */
    public Q negate() {
        return not(this);
    }

    /** The node kind. */
    public Kind kind() {
        return kind;
    }

    /** The path with lookup of a leaf (empty otherwise). */
    public String path() {
        return path;
    }

    /** The value of a leaf (may be {@code null}, meaning SQL NULL). */
    public java.util.Optional<Object> value() {
        return java.util.Optional.ofNullable(value);
    }

    /** Children of a combination. */
    public List<Q> children() {
        return children;
    }

    Object rawValue() {
        return value;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LEAF -> path + "=" + value;
            case NOT -> "NOT(" + children.getFirst() + ")";
            default -> kind.name() + children;
        };
    }
}
