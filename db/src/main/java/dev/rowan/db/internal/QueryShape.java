package dev.rowan.db.internal;

import dev.rowan.db.Agg;
import dev.rowan.db.Expression;
import dev.rowan.db.F;
import dev.rowan.db.Q;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a query, apart from its values: what decides the SQL text. Two query sets with
 * equal {@link #key()}s compile to the same SQL and differ only in {@link #values()}, the bound
 * parameters, so the compiled statement can be reused.
 *
 * <p>The values are numbered by one walk over the state; {@link #template()} repeats the walk and
 * puts a {@link Slot} where each value was. Compiling the template records, for every placeholder,
 * which slot feeds it ({@link Deferred}), so a cached statement is bound from {@link #values()}
 * without compiling again.
 */
public final class QueryShape {
    private final QueryState state;
    private final List<Object> key = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final boolean template;
    private int afterSlot = -1;

    /** A value's position; the compiler turns it into a {@link Deferred} parameter. */
    public record Slot(int index) {
    }

    /** A parameter computed from the values of an execution: {@code convert(values[slot])}. */
    public interface Deferred {
        /** The driver value for this execution. */
        Object resolve(Object[] values);
    }

    private QueryShape(String statement, QueryState state, boolean template) {
        this.state = state;
        this.template = template;
        key.add(statement);
    }

    /** The shape of {@code state} for {@code statement} (e.g. {@code models}, {@code count}). */
    public static QueryShape of(String statement, QueryState state) {
        QueryShape shape = new QueryShape(statement, state, false);
        shape.walk();
        return shape;
    }

    /** The cache key. */
    public List<Object> key() {
        return key;
    }

    /** The values, in slot order. */
    public Object[] values() {
        return values.toArray();
    }

    /** A copy of the state with each value replaced by its {@link Slot}. */
    public QueryState template() {
        QueryShape t = new QueryShape((String) key.getFirst(), state, true);
        return t.walk();
    }

    /** The slot of the keyset anchor ({@code after(row)}), or -1. */
    public int afterSlot() {
        return afterSlot;
    }

    private QueryState walk() {
        QueryState s = state;
        key.add(s.meta);
        Map<String, Expression> annotations = new LinkedHashMap<>();
        for (Map.Entry<String, Expression> a : s.annotations.entrySet()) {
            key.add(a.getKey());
            annotations.put(a.getKey(), expression(a.getValue()));
        }
        key.add(';');
        Q where = s.where == null ? null : q(s.where);
        key.add(';');
        Q having = s.having == null ? null : q(s.having);
        key.add(s.order == null ? "default-order" : s.order);
        key.add(s.limit >= 0 ? "limit" : "");
        Object limit = s.limit >= 0 ? slot(s.limit) : null;
        key.add(s.offset > 0 ? "offset" : "");
        Object offset = s.offset > 0 ? slot(s.offset) : null;
        key.add(s.distinct);
        key.add(s.selectRelated);
        key.add(s.prefetch);
        key.add(s.values == null ? "models" : s.values);
        key.add(s.after != null);
        if (s.after != null) {
            afterSlot = values.size();
            slot(s.after);
        }
        if (!template) {
            return null;
        }
        QueryState t = s.copy();
        t.annotations = annotations;
        t.where = where;
        t.having = having;
        t.limitSlot = limit;
        t.offsetSlot = offset;
        t.afterSlot = afterSlot;
        return t;
    }

    private Object slot(Object value) {
        Slot slot = new Slot(values.size());
        values.add(value);
        return slot;
    }

    private Q q(Q q) {
        key.add(q.kind());
        switch (q.kind()) {
            case LEAF -> {
                key.add(q.path());
                Object v = leafValue(q.path(), q.value().orElse(null));
                return template ? Q.of(q.path(), v) : null;
            }
            default -> {
                key.add(q.children().size());
                Q[] children = new Q[q.children().size()];
                for (int i = 0; i < children.length; i++) {
                    children[i] = q(q.children().get(i));
                }
                if (!template) {
                    return null;
                }
                return switch (q.kind()) {
                    case AND -> Q.and(children);
                    case OR -> Q.or(children);
                    default -> Q.not(children[0]);
                };
            }
        }
    }

    private Object leafValue(String path, Object value) {
        int sep = path.lastIndexOf("__");
        String lookup = sep < 0 ? "exact" : path.substring(sep + 2);
        if (value == null) {
            key.add("null");
            return null;
        }
        if (lookup.equals("isnull")) {
            // IS NULL and IS NOT NULL are different SQL: the flag is structure, not a parameter.
            boolean isNull = Boolean.TRUE.equals(value);
            key.add(isNull);
            return value;
        }
        if (value instanceof F f) {
            return expression(f);
        }
        if (lookup.equals("in") || lookup.equals("range")) {
            List<?> list = switch (value) {
                case Collection<?> c -> List.copyOf(c);
                case Object[] a -> Arrays.asList(a);
                default -> null;
            };
            if (list != null) {
                // One placeholder per element: the count is structure.
                key.add(list.size());
                List<Object> slots = new ArrayList<>(list.size());
                for (Object element : list) {
                    slots.add(slot(element));
                }
                return slots;
            }
            // Not a collection: compiling reports the error with the real value.
            key.add(value.getClass());
            return value;
        }
        key.add('?');
        return slot(value);
    }

    private Expression expression(Expression e) {
        return switch (e) {
            case F f -> f(f);
            case Agg<?> a -> {
                key.add(a.function());
                key.add(a.path());
                key.add(a.isDistinct());
                // the promised type is checked when compiling, so it is part of the shape
                key.add(a.type().map(Class::getName).orElse(""));
                yield a;
            }
        };
    }

    private F f(F f) {
        key.add(f.kind());
        return switch (f.kind()) {
            case COLUMN -> {
                key.add(f.path());
                yield f;
            }
            case VALUE -> {
                Object slot = slot(f.value().orElse(null));
                yield template ? F.value(slot) : null;
            }
            case BINARY -> {
                key.add(f.op());
                F left = f(f.left().orElseThrow());
                F right = f(f.right().orElseThrow());
                if (!template) {
                    yield null;
                }
                yield switch (f.op()) {
                    case "+" -> left.plus(right);
                    case "-" -> left.minus(right);
                    case "*" -> left.times(right);
                    default -> left.div(right);
                };
            }
        };
    }
}
