package dev.rowan.db.internal;

import dev.rowan.db.Expression;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.Order;
import dev.rowan.db.Q;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a query set says, as plain data; copied on every change so query sets stay immutable. */
public final class QueryState {
    /** The model queried. */
    public final ModelMeta<?> meta;
    /** WHERE condition, or null. */
    public Q where;
    /** HAVING condition over aggregate annotations, or null. */
    public Q having;
    /** Explicit ordering, or null for the model's default. */
    public List<Order> order;
    /** LIMIT, negative for none. */
    public long limit = -1;
    /** OFFSET. */
    public long offset;
    /** SELECT DISTINCT. */
    public boolean distinct;
    /** Relations joined and hydrated in the same query. */
    public List<String> selectRelated = List.of();
    /** Relations loaded by one extra query each. */
    public List<String> prefetch = List.of();
    /** Named computed values. */
    public Map<String, Expression> annotations = Map.of();
    /** Projected paths for values()/valuesList(), or null for model instances. */
    public List<String> values;
    /** Keyset paging anchor, or null. */
    public Model after;
    /** In a cache template: the {@link QueryShape.Slot} of the limit, else null. */
    public Object limitSlot;
    /** In a cache template: the {@link QueryShape.Slot} of the offset, else null. */
    public Object offsetSlot;
    /** In a cache template: the slot index of {@link #after}, else -1. */
    public int afterSlot = -1;

    /** A state that selects every row of {@code meta}. */
    public QueryState(ModelMeta<?> meta) {
        this.meta = meta;
    }

    /** A copy to modify. */
    public QueryState copy() {
        QueryState s = new QueryState(meta);
        s.where = where;
        s.having = having;
        s.order = order;
        s.limit = limit;
        s.offset = offset;
        s.distinct = distinct;
        s.selectRelated = selectRelated;
        s.prefetch = prefetch;
        s.annotations = annotations;
        s.values = values;
        s.after = after;
        s.limitSlot = limitSlot;
        s.offsetSlot = offsetSlot;
        s.afterSlot = afterSlot;
        return s;
    }

    /** A copy with one more annotation. */
    public QueryState annotate(String name, Expression e) {
        QueryState s = copy();
        Map<String, Expression> m = new LinkedHashMap<>(annotations);
        m.put(name, e);
        s.annotations = m;
        return s;
    }

    /** The ordering in effect. */
    public List<Order> effectiveOrder() {
        return order != null ? order : meta.ordering().stream().map(Order::parse).toList();
    }
}
