package dev.rowan.db.internal;

import dev.rowan.db.Agg;
import dev.rowan.db.Database;
import dev.rowan.db.Expression;
import dev.rowan.db.F;
import dev.rowan.db.Field;
import dev.rowan.db.FieldError;
import dev.rowan.db.FieldType;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.Order;
import dev.rowan.db.Q;
import dev.rowan.db.Ref;
import dev.rowan.db.RelatedObject;
import dev.rowan.db.spi.Dialect;
import dev.rowan.db.spi.ValueReader;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link QueryState} into SQL: resolves field paths into joins, lookups into dialect
 * operators and values into bound parameters. One instance compiles one statement.
 */
public final class Compiler {
    static final Set<String> LOOKUPS = Set.of("exact", "iexact", "contains", "icontains", "in", "gt", "gte", "lt", "lte",
            "startswith", "istartswith", "endswith", "iendswith", "range", "isnull", "regex", "iregex");
    static final Set<String> TRANSFORMS = Set.of("year", "month", "day", "week_day", "hour", "minute");
    private static final Map<String, String> COMPARISONS = Map.of("exact", " = ", "gt", " > ", "gte", " >= ", "lt", " < ", "lte", " <= ");
    private static final String BASE = "t0";

    private final Dialect d;
    private final QueryState s;
    private final Database db;
    private final Map<String, Join> joins = new LinkedHashMap<>();
    /** Set for a correlated subquery: {@link F} columns name the outer query's fields. */
    private final Compiler outer;
    /** Table aliases are this prefix plus a number; nested subqueries get longer prefixes. */
    private final String prefix;
    private final String base;
    private int aliasSeq = 1;

    private record Join(String alias, ModelMeta<?> meta, String sql) {
    }

    private record Resolved(String sql, Field field, List<String> rest, boolean nullable) {
    }

    record Frag(StringBuilder sql, List<Object> params) {
        Frag() {
            this(new StringBuilder(), new ArrayList<>());
        }
    }

    /** A compiler for {@code state} on {@code dialect}; {@code db} is stamped on loaded instances. */
    public Compiler(Dialect dialect, QueryState state, Database db) {
        this(dialect, state, db, null, "t");
    }

    private Compiler(Dialect dialect, QueryState state, Database db, Compiler outer, String prefix) {
        this.d = dialect;
        this.s = state;
        this.db = db;
        this.outer = outer;
        this.prefix = prefix;
        this.base = prefix + "0";
    }

    // ---- statements ----------------------------------------------------------------------------

    /** SELECT of model instances (with select-related joins and annotations). */
    public CompiledSelect<Model> selectModels() {
        Frag select = new Frag();
        ModelPlan plan = ModelPlan.of(s.meta, d);
        columns(select, BASE, s.meta);
        List<Related> related = new ArrayList<>();
        int offset = plan.width();
        for (String path : s.selectRelated) {
            offset = selectRelated(select, path, offset, related);
        }
        List<String> groupCols = splitColumns(select.sql);
        List<ValueReader> annReaders = new ArrayList<>();
        List<String> annNames = new ArrayList<>();
        for (Map.Entry<String, Expression> a : s.annotations.entrySet()) {
            select.sql.append(", ").append(expression(a.getValue(), select.params)).append(" AS ").append(d.quote(a.getKey()));
            annReaders.add(readerFor(a.getValue()));
            annNames.add(a.getKey());
        }
        Frag tail = tail(hasAggregate() ? groupCols : List.of());
        String sql = "SELECT " + (s.distinct ? "DISTINCT " : "") + select.sql + from() + tail.sql;
        List<Object> params = concat(select.params, tail.params);
        int annStart = offset;
        RowReader<Model> reader = rs -> {
            Model m = plan.read(rs, 0, db);
            for (Related r : related) {
                r.attach(rs, m, db);
            }
            for (int i = 0; i < annNames.size(); i++) {
                Bridge.access().state(m).annotate(annNames.get(i), annReaders.get(i).read(rs, annStart + i + 1));
            }
            return m;
        };
        return new CompiledSelect<>(sql, params, reader);
    }

    /** SELECT of projected paths, each row as a name-to-value map in path order. */
    public CompiledSelect<Map<String, Object>> selectValues() {
        Frag select = new Frag();
        List<String> names = new ArrayList<>();
        List<ValueReader> readers = new ArrayList<>();
        List<String> group = new ArrayList<>();
        List<String> paths = s.values.isEmpty()
                ? s.meta.concreteFields().stream().map(Field::name).toList() : s.values;
        for (String path : paths) {
            if (!select.sql.isEmpty()) {
                select.sql.append(", ");
            }
            if (s.annotations.containsKey(path)) {
                Expression e = s.annotations.get(path);
                select.sql.append(expression(e, select.params));
                readers.add(readerFor(e));
                if (!(e instanceof Agg)) {
                    group.add(expression(e, new ArrayList<>()));
                }
            } else {
                Resolved r = resolve(path);
                String lhs = r.sql;
                Field f = r.field;
                for (String t : r.rest) {
                    if (!TRANSFORMS.contains(t)) {
                        throw unsupported(t, r);
                    }
                    lhs = d.extract(t, lhs);
                    f = null;
                }
                select.sql.append(lhs);
                readers.add(f == null ? (rs, i) -> number(rs.getObject(i)) : d.reader(f));
                group.add(lhs);
            }
            names.add(path);
        }
        for (Map.Entry<String, Expression> a : s.annotations.entrySet()) {
            if (!paths.contains(a.getKey())) {
                select.sql.append(", ").append(expression(a.getValue(), select.params));
                names.add(a.getKey());
                readers.add(readerFor(a.getValue()));
            }
        }
        Frag tail = tail(hasAggregate() ? group : List.of());
        String sql = "SELECT " + (s.distinct ? "DISTINCT " : "") + select.sql + from() + tail.sql;
        ValueReader[] rd = readers.toArray(ValueReader[]::new);
        String[] nm = names.toArray(String[]::new);
        RowReader<Map<String, Object>> reader = rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < rd.length; i++) {
                row.put(nm[i], rd[i].read(rs, i + 1));
            }
            return row;
        };
        return new CompiledSelect<>(sql, concat(select.params, tail.params), reader);
    }

    /** SELECT of the primary keys of matching rows (for delete and update with joins). */
    public CompiledSelect<Object> selectPks() {
        Field pk = s.meta.pk();
        Frag tail = tail(List.of());
        String sql = "SELECT " + (joins.isEmpty() ? "" : "DISTINCT ") + BASE + "." + d.quote(pk.column()) + from() + tail.sql;
        ValueReader r = d.reader(pk);
        return new CompiledSelect<>(sql, tail.params, rs -> r.read(rs, 1));
    }

    /** SELECT COUNT(*). */
    public CompiledSelect<Long> count() {
        if (s.distinct || s.limit >= 0 || s.offset > 0 || hasAggregate() || s.values != null) {
            CompiledSelect<?> inner = s.values != null ? selectValues() : selectModels();
            return new CompiledSelect<>("SELECT COUNT(*) FROM (" + inner.sql() + ") sub", inner.params(), rs -> rs.getLong(1));
        }
        Frag tail = tail(List.of());
        return new CompiledSelect<>("SELECT COUNT(*)" + from() + tail.sql, tail.params, rs -> rs.getLong(1));
    }

    /** SELECT of aggregates over all matching rows. */
    public CompiledSelect<Map<String, Object>> aggregate(Map<String, Agg<?>> aggs) {
        Frag select = new Frag();
        List<ValueReader> readers = new ArrayList<>();
        for (Map.Entry<String, Agg<?>> a : aggs.entrySet()) {
            select.sql.append(select.sql.isEmpty() ? "" : ", ").append(expression(a.getValue(), select.params));
            readers.add(readerFor(a.getValue()));
        }
        Frag tail = tail(List.of());
        List<String> names = List.copyOf(aggs.keySet());
        return new CompiledSelect<>("SELECT " + select.sql + from() + tail.sql, concat(select.params, tail.params), rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), readers.get(i).read(rs, i + 1));
            }
            return row;
        });
    }

    /**
     * UPDATE of matching rows. Without joins the condition applies directly; with joins the keys
     * come from a derived table (MariaDB cannot select from the table it updates).
     */
    public CompiledSelect<Void> update(Map<String, Object> changes) {
        String table = d.quote(s.meta.table());
        Frag set = new Frag();
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            Field f = s.meta.requireField(e.getKey());
            if (!f.concrete()) {
                throw new FieldError("db.E103: cannot update many-to-many field " + f + " with update()");
            }
            set.sql.append(set.sql.isEmpty() ? "" : ", ").append(d.quote(f.column())).append(" = ");
            if (e.getValue() instanceof F fx) {
                set.sql.append(expression(fx, set.params));
            } else {
                set.sql.append('?');
                set.params.add(convert(f, e.getValue()));
            }
        }
        Frag where = new Frag();
        if (s.where != null) {
            condition(where, s.where, false);
        }
        if (joins.isEmpty()) {
            // "AS" is optional on PostgreSQL and MariaDB and required by SQLite.
            String sql = "UPDATE " + table + " AS " + BASE + " SET " + set.sql + (where.sql.isEmpty() ? "" : " WHERE " + where.sql);
            return new CompiledSelect<>(sql, concat(set.params, where.params), null);
        }
        String pk = d.quote(s.meta.pk().column());
        String inner = "SELECT " + BASE + "." + pk + " AS pk" + from() + " WHERE " + where.sql;
        String sql = "UPDATE " + table + " SET " + set.sql.toString().replace(BASE + ".", table + ".")
                + " WHERE " + pk + " IN (SELECT pk FROM (" + inner + ") sub)";
        return new CompiledSelect<>(sql, concat(set.params, where.params), null);
    }

    /** Renders a condition with values inlined as literals, for CHECK constraints in DDL. */
    public static String checkSql(Dialect d, ModelMeta<?> meta, Q q) {
        Compiler c = new Compiler(d, new QueryState(meta), null);
        Frag f = new Frag();
        c.condition(f, q, false);
        String sql = f.sql.toString().replace(BASE + ".", "");
        StringBuilder out = new StringBuilder();
        int p = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            out.append(ch == '?' ? d.literal(f.params.get(p++)) : String.valueOf(ch));
        }
        return out.toString();
    }

    /**
     * A SELECT that returns a row only when {@code q} is false for {@code m}'s current values, which
     * stand in a one-row derived table. Unknown (NULL) is not false, as in a CHECK constraint.
     */
    public static CompiledSelect<Object> checkViolation(Dialect d, Model m, Q q) {
        ModelMeta<?> meta = m.meta();
        Frag cond = new Frag();
        new Compiler(d, new QueryState(meta), null).condition(cond, q, false);
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Field f : meta.concreteFields()) {
            columns.add(d.typedPlaceholder(f) + " AS " + d.quote(f.column()));
            params.add(checkValue(d, f, f.valueOf(m)));
        }
        params.addAll(cond.params);
        String sql = "SELECT 1 FROM (SELECT " + String.join(", ", columns) + ") " + BASE + " WHERE NOT (" + cond.sql + ")";
        return new CompiledSelect<>(sql, params, rs -> rs.getInt(1));
    }

    /** An unsaved related object has no key yet; it counts as NULL rather than failing validation. */
    private static Object checkValue(Dialect d, Field f, Object v) {
        return v instanceof Model related && related.pk().isEmpty() ? null : Values.toDb(d, f, v);
    }

    // ---- FROM / WHERE / ORDER ------------------------------------------------------------------

    private Frag tail(List<String> groupBy) {
        Frag f = new Frag();
        Frag where = new Frag();
        if (s.where != null) {
            condition(where, s.where, false);
        }
        if (s.after != null) {
            if (!where.sql.isEmpty()) {
                where.sql.insert(0, '(').append(") AND ");
            }
            condition(where, keyset(), false);
        }
        if (!where.sql.isEmpty()) {
            f.sql.append(" WHERE ").append(where.sql);
            f.params.addAll(where.params);
        }
        if (!groupBy.isEmpty()) {
            f.sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        if (s.having != null) {
            Frag having = new Frag();
            condition(having, s.having, false);
            f.sql.append(" HAVING ").append(having.sql);
            f.params.addAll(having.params);
        }
        String order = orderBy();
        if (!order.isEmpty()) {
            f.sql.append(" ORDER BY ").append(order);
        }
        f.sql.append(d.limitOffsetPlaceholders(s.limit >= 0, s.offset > 0));
        if (s.limit >= 0) {
            f.params.add(s.limitSlot != null ? convert(null, s.limitSlot) : s.limit);
        }
        if (s.offset > 0) {
            f.params.add(s.offsetSlot != null ? convert(null, s.offsetSlot) : s.offset);
        }
        return f;
    }

    private String from() {
        StringBuilder sb = new StringBuilder(" FROM ").append(d.quote(s.meta.table())).append(' ').append(base);
        for (Join j : joins.values()) {
            sb.append(j.sql);
        }
        return sb.toString();
    }

    private String orderBy() {
        List<String> items = new ArrayList<>();
        for (Order o : orders()) {
            String expr;
            if (s.annotations.containsKey(o.path())) {
                expr = d.quote(o.path());
            } else {
                Resolved r = resolve(o.path());
                if (!r.rest.isEmpty()) {
                    throw new FieldError("db.E104: cannot order " + s.meta.label() + " by '" + o.path() + "': lookups are not allowed in ordering");
                }
                expr = r.sql;
            }
            items.add(d.orderBy(expr, o.descending(), o.nulls()));
        }
        return String.join(", ", items);
    }

    private List<Order> orders() {
        return s.effectiveOrder();
    }

    private Q keyset() {
        List<Order> keys = new ArrayList<>(orders());
        Field pk = s.meta.pk();
        if (keys.stream().noneMatch(o -> o.path().equals(pk.name()) || o.path().equals("pk"))) {
            keys.add(Order.asc(pk.name()));
        }
        List<Q> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<Q> all = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                all.add(Q.of(keys.get(j).path(), keyValue(keys.get(j))));
            }
            Order k = keys.get(i);
            all.add(Q.of(k.path() + (k.descending() ? "__lt" : "__gt"), keyValue(k)));
            alternatives.add(Q.and(all.toArray(Q[]::new)));
        }
        return Q.or(alternatives.toArray(Q[]::new));
    }

    private Object keyValue(Order o) {
        Field f = s.meta.field(o.path()).orElseThrow(() -> new FieldError("db.E105: after() needs orderings on fields of "
                + s.meta.label() + ", not '" + o.path() + "'"));
        if (s.afterSlot >= 0) {
            return new KeyValue(s.afterSlot, f);
        }
        return keyValueOf(f, s.after);
    }

    private static Object keyValueOf(Field f, Object after) {
        Object v = f.valueOf((Model) after);
        if (v == null) {
            throw new IllegalArgumentException("db.E106: after() cannot page past a NULL " + f + "; order by a non-null field");
        }
        return v;
    }

    /** In a cache template: field {@code field} of the keyset anchor in slot {@code slot}. */
    private record KeyValue(int slot, Field field) {
    }

    private void condition(Frag out, Q q, boolean negated) {
        switch (q.kind()) {
            case LEAF -> leaf(out, q.path(), q.value().orElse(null), negated);
            case NOT -> {
                out.sql.append("NOT (");
                condition(out, q.children().getFirst(), !negated);
                out.sql.append(')');
            }
            case AND, OR -> {
                if (q.children().isEmpty()) {
                    out.sql.append(q.kind() == Q.Kind.AND ? "1=1" : "1=0");
                    return;
                }
                out.sql.append('(');
                for (int i = 0; i < q.children().size(); i++) {
                    if (i > 0) {
                        out.sql.append(q.kind() == Q.Kind.AND ? " AND " : " OR ");
                    }
                    condition(out, q.children().get(i), negated);
                }
                out.sql.append(')');
            }
        }
    }

    private void leaf(Frag out, String path, Object value, boolean negated) {
        String[] parts = path.split("__");
        String lhs;
        Field f;
        List<String> rest;
        boolean nullable;
        if (negated && !s.annotations.containsKey(parts[0])) {
            ManyHop hop = manyHop(parts);
            if (hop != null) {
                existsLeaf(out, parts, hop, value);
                return;
            }
        }
        if (s.annotations.containsKey(parts[0])) {
            lhs = expression(s.annotations.get(parts[0]), out.params);
            f = null;
            rest = Arrays.asList(parts).subList(1, parts.length);
            nullable = false;
        } else {
            Resolved r = resolve(path);
            lhs = r.sql;
            f = r.field;
            rest = r.rest;
            nullable = r.nullable || f != null && f.nullable();
        }
        if (YearRange.applies(f, rest, value)) {
            int start = out.sql.length();
            new YearRange(d, f).lookup(out, lhs, rest.size() == 1 ? "exact" : rest.get(1), value);
            if (negated && nullable) {
                out.sql.insert(start, '(').append(" AND ").append(lhs).append(" IS NOT NULL)");
            }
            return;
        }
        int i = 0;
        while (i < rest.size() && TRANSFORMS.contains(rest.get(i))) {
            lhs = d.extract(rest.get(i++), lhs);
            f = null;
        }
        String lookup = i < rest.size() ? rest.get(i++) : "exact";
        if (!LOOKUPS.contains(lookup) || i < rest.size()) {
            throw new FieldError("db.E102: unsupported lookup '" + String.join("__", rest) + "' in '" + path + "' on "
                    + s.meta.label() + "; lookups are: " + String.join(", ", new java.util.TreeSet<>(LOOKUPS))
                    + "; transforms are: " + String.join(", ", new java.util.TreeSet<>(TRANSFORMS)));
        }
        int start = out.sql.length();
        lookup(out, lhs, f, lookup, value);
        if (negated && nullable && !"isnull".equals(lookup) && value != null) {
            out.sql.insert(start, '(').append(" AND ").append(lhs).append(" IS NOT NULL)");
        }
    }

    // ---- negated conditions across many-valued relations ----------------------------------------

    /**
     * The first many-valued hop of a path: rows of {@code table} whose {@code column} holds the key
     * of the model reached after {@code index} single-valued hops; {@code subPath} continues from them.
     */
    private record ManyHop(int index, ModelMeta<?> owner, ModelMeta<?> table, String column, String subPath) {
    }

    /**
     * Finds the first reverse foreign key or many-to-many in {@code parts}, or null when the path
     * only crosses single-valued relations (those keep their joins).
     */
    private ManyHop manyHop(String[] parts) {
        ModelMeta<?> meta = s.meta;
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i];
            if (isLookup(name)) {
                return null;
            }
            Field f = meta.field(name).orElse(null);
            if (f != null) {
                if (!f.type().isRelation()) {
                    return null;
                }
                if (!f.concrete()) {
                    Through t = Through.of(f);
                    return new ManyHop(i, meta, t.meta(), t.from().column(), subPath(t.to().name(), parts, i));
                }
                meta = f.relatedModel().orElseThrow();
                continue;
            }
            RelatedObject rel = meta.relatedObject(name).orElse(null);
            if (rel == null) {
                return null;  // resolve() reports the unknown name
            }
            Field back = rel.field();
            if (!back.concrete()) {
                Through t = Through.of(back);
                return new ManyHop(i, meta, t.meta(), t.to().column(), subPath(t.from().name(), parts, i));
            }
            if (back.type() != FieldType.ONE_TO_ONE) {
                return new ManyHop(i, meta, back.model(), back.column(), childPath(back.model().pk().name(), parts, i));
            }
            meta = back.model();
        }
        return null;
    }

    /** On the related model itself: the parts after {@code i}, or its key when they start with a lookup. */
    private static String childPath(String pk, String[] parts, int i) {
        boolean field = i + 1 < parts.length && !isLookup(parts[i + 1]);
        return field ? String.join("__", Arrays.asList(parts).subList(i + 1, parts.length)) : subPath(pk, parts, i);
    }

    /** {@code head} followed by the parts after {@code i} (its key when nothing follows). */
    private static String subPath(String head, String[] parts, int i) {
        List<String> rest = Arrays.asList(parts).subList(i + 1, parts.length);
        return rest.isEmpty() ? head : head + "__" + String.join("__", rest);
    }

    /**
     * A leaf under NOT whose path crosses a many-valued relation: "some related row matches" as a
     * correlated EXISTS, so the surrounding NOT means "no related row matches" (a join would keep
     * a parent when any other child fails the condition, and repeat it per child). A lookup that
     * a missing row satisfies (isnull, = NULL) also holds when there is no related row at all, as
     * it does with the outer join of a plain filter.
     */
    private void existsLeaf(Frag out, String[] parts, ManyHop hop, Object value) {
        String ownerAlias = prefixAlias(parts, hop.index);
        Compiler sub = new Compiler(d, new QueryState(hop.table), db, this, prefix + "s");
        Frag cond = new Frag();
        sub.leaf(cond, hop.subPath, value, false);
        String correlation = " WHERE " + sub.base + "." + d.quote(hop.column) + " = "
                + ownerAlias + "." + d.quote(hop.owner.pk().column());
        String exists = "EXISTS (SELECT 1" + sub.from() + correlation + " AND (" + cond.sql + "))";
        String last = parts[parts.length - 1];
        boolean missingRowMatches = "isnull".equals(last) ? Boolean.TRUE.equals(value) : value == null;
        if (missingRowMatches) {
            String anyRow = "EXISTS (SELECT 1 FROM " + d.quote(hop.table.table()) + " " + sub.base + correlation + ")";
            exists = "(NOT " + anyRow + " OR " + exists + ")";
        }
        out.sql.append(exists);
        out.params.addAll(cond.params);
    }

    /** Joins the single-valued hops before index {@code n} (sharing resolve()'s joins); the alias reached. */
    private String prefixAlias(String[] parts, int n) {
        ModelMeta<?> meta = s.meta;
        String alias = base;
        String key = "";
        for (int i = 0; i < n; i++) {
            key = key + "__" + parts[i];
            Field f = meta.field(parts[i]).orElse(null);
            if (f != null) {
                ModelMeta<?> target = f.relatedModel().orElseThrow();
                alias = join(key, target, alias + "." + d.quote(f.column()), target.pk().column());
                meta = target;
            } else {
                Field back = meta.relatedObject(parts[i]).orElseThrow().field();
                alias = join(key, back.model(), alias + "." + d.quote(meta.pk().column()), back.column());
                meta = back.model();
            }
        }
        return alias;
    }

    private void lookup(Frag out, String lhs, Field f, String lookup, Object value) {
        StringBuilder sql = out.sql;
        if (value instanceof F fx) {
            String op = COMPARISONS.get(lookup);
            if (op == null) {
                throw new FieldError("db.E107: lookup '" + lookup + "' does not accept an F() expression");
            }
            sql.append(lhs).append(op);
            sql.append(expression(fx, out.params));
            return;
        }
        switch (lookup) {
            case "exact" -> {
                if (value == null) {
                    sql.append(lhs).append(" IS NULL");
                } else {
                    sql.append(lhs).append(" = ?");
                    out.params.add(convert(f, value));
                }
            }
            case "gt", "gte", "lt", "lte" -> {
                sql.append(lhs).append(COMPARISONS.get(lookup)).append('?');
                out.params.add(convert(f, requireValue(lookup, value)));
            }
            case "isnull" -> sql.append(lhs).append(Boolean.TRUE.equals(value) ? " IS NULL" : " IS NOT NULL");
            case "in" -> {
                List<?> values = asList(lookup, value);
                if (values.isEmpty()) {
                    sql.append("1=0");
                    return;
                }
                sql.append(lhs).append(" IN (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    out.params.add(convert(f, values.get(i)));
                }
                sql.append(')');
            }
            case "range" -> {
                List<?> values = asList(lookup, value);
                if (values.size() != 2) {
                    throw new IllegalArgumentException("db.E108: range needs exactly two values, got " + values.size());
                }
                sql.append(lhs).append(" BETWEEN ? AND ?");
                out.params.add(convert(f, values.get(0)));
                out.params.add(convert(f, values.get(1)));
            }
            default -> {
                sql.append(d.lookup(lookup, lhs, "?"));
                if (value instanceof QueryShape.Slot slot) {
                    int i = slot.index();
                    out.params.add((QueryShape.Deferred) values -> d.lookupValue(lookup, String.valueOf(requireValue(lookup, values[i]))));
                } else {
                    out.params.add(d.lookupValue(lookup, String.valueOf(requireValue(lookup, value))));
                }
            }
        }
    }

    private static Object requireValue(String lookup, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("db.E109: lookup '" + lookup + "' cannot compare with NULL; use isnull");
        }
        return value;
    }

    private static List<?> asList(String lookup, Object value) {
        return switch (value) {
            case Collection<?> c -> List.copyOf(c);
            case Object[] a -> Arrays.asList(a);
            case null -> throw new IllegalArgumentException("db.E109: lookup '" + lookup + "' needs a collection, not NULL");
            default -> throw new IllegalArgumentException("db.E109: lookup '" + lookup + "' needs a collection or array, not "
                    + value.getClass().getSimpleName());
        };
    }

    // ---- paths ---------------------------------------------------------------------------------

    private Resolved resolve(String path) {
        String[] parts = path.split("__");
        ModelMeta<?> meta = s.meta;
        String alias = base;
        String key = "";
        boolean nullable = false;
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i];
            List<String> rest = Arrays.asList(parts).subList(i + 1, parts.length);
            var field = meta.field(name);
            if (field.isPresent()) {
                Field f = field.get();
                if (!f.type().isRelation()) {
                    return new Resolved(alias + "." + d.quote(f.column()), f, rest, nullable);
                }
                ModelMeta<?> target = f.relatedModel().orElseThrow();
                key = key + "__" + name;
                if (f.concrete()) {
                    if (rest.isEmpty() || isLookup(rest.getFirst()) || isPk(target, rest.getFirst()) && (rest.size() == 1 || isLookup(rest.get(1)))) {
                        List<String> r = !rest.isEmpty() && isPk(target, rest.getFirst()) ? rest.subList(1, rest.size()) : rest;
                        return new Resolved(alias + "." + d.quote(f.column()), f, r, nullable || f.nullable());
                    }
                    alias = join(key, target, alias + "." + d.quote(f.column()), target.pk().column());
                    nullable |= f.nullable();
                } else {
                    Through t = Through.of(f);
                    String ta = join(key + "__through", t.meta(), alias + "." + d.quote(meta.pk().column()), t.from().column());
                    alias = join(key, target, ta + "." + d.quote(t.to().column()), target.pk().column());
                    nullable = true;
                }
                meta = target;
            } else {
                RelatedObject rel = meta.relatedObject(name).orElse(null);
                if (rel == null) {
                    throw new FieldError("db.E101: cannot resolve '" + name + "' in '" + path + "' on " + meta.label()
                            + "; choices are: " + String.join(", ", meta.choiceNames()));
                }
                key = key + "__" + name;
                Field f = rel.field();
                ModelMeta<?> other = f.model();
                if (f.concrete()) {
                    alias = join(key, other, alias + "." + d.quote(meta.pk().column()), f.column());
                } else {
                    Through t = Through.of(f);
                    String ta = join(key + "__through", t.meta(), alias + "." + d.quote(meta.pk().column()), t.to().column());
                    alias = join(key, other, ta + "." + d.quote(t.from().column()), other.pk().column());
                }
                nullable = true;
                meta = other;
            }
            if (i == parts.length - 1 || isLookup(parts[i + 1])) {
                return new Resolved(alias + "." + d.quote(meta.pk().column()), meta.pk(), Arrays.asList(parts).subList(i + 1, parts.length), nullable);
            }
        }
        throw new FieldError("db.E101: empty path on " + s.meta.label());
    }

    private static boolean isLookup(String part) {
        return LOOKUPS.contains(part) || TRANSFORMS.contains(part);
    }

    private static boolean isPk(ModelMeta<?> target, String part) {
        return "pk".equals(part) || target.pk().name().equals(part);
    }

    private String join(String key, ModelMeta<?> target, String leftExpr, String rightColumn) {
        Join j = joins.get(key);
        if (j == null) {
            String alias = prefix + aliasSeq++;
            String sql = " LEFT JOIN " + d.quote(target.table()) + " " + alias + " ON " + leftExpr + " = " + alias + "." + d.quote(rightColumn);
            j = new Join(alias, target, sql);
            joins.put(key, j);
        }
        return j.alias;
    }

    private FieldError unsupported(String part, Resolved r) {
        return new FieldError("db.E102: unsupported lookup '" + part + "' for " + r.field + " (" + r.field.type() + ")");
    }

    // ---- select related ------------------------------------------------------------------------

    private final class Related {
        final Field fk;
        final ModelPlan plan;
        final int offset;
        final Related parent;

        Related(Field fk, ModelPlan plan, int offset, Related parent) {
            this.fk = fk;
            this.plan = plan;
            this.offset = offset;
            this.parent = parent;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void attach(ResultSet rs, Model root, Database database) throws java.sql.SQLException {
            Model owner = parent == null ? root : parent.loaded(root);
            if (owner == null) {
                return;
            }
            Ref<?> ref = (Ref<?>) fk.valueOf(owner);
            if (ref == null) {
                return;
            }
            Model target = plan.read(rs, offset, database);
            fk.setValue(owner, Bridge.access().ref((ModelMeta) plan.meta, ref.id(), target, database));
        }

        Model loaded(Model root) {
            Model owner = parent == null ? root : parent.loaded(root);
            if (owner == null) {
                return null;
            }
            Ref<?> ref = (Ref<?>) fk.valueOf(owner);
            return ref != null && ref.isLoaded() ? ref.get() : null;
        }
    }

    private int selectRelated(Frag select, String path, int offset, List<Related> out) {
        String[] parts = path.split("__");
        ModelMeta<?> meta = s.meta;
        String alias = BASE;
        String key = "";
        Related parent = null;
        for (String name : parts) {
            Field f = meta.requireField(name);
            if (f.type() != FieldType.FOREIGN_KEY && f.type() != FieldType.ONE_TO_ONE) {
                throw new FieldError("db.E110: selectRelated('" + path + "'): " + f + " is not a foreign key or one-to-one; "
                        + "use prefetchRelated for many-valued relations");
            }
            ModelMeta<?> target = f.relatedModel().orElseThrow();
            key = key + "__" + name;
            alias = join(key, target, alias + "." + d.quote(f.column()), target.pk().column());
            Related existing = find(out, f, parent);
            if (existing == null) {
                columns(select, alias, target);
                existing = new Related(f, ModelPlan.of(target, d), offset, parent);
                offset += existing.plan.width();
                out.add(existing);
            }
            parent = existing;
            meta = target;
        }
        return offset;
    }

    private static Related find(List<Related> list, Field f, Related parent) {
        for (Related r : list) {
            if (r.fk == f && r.parent == parent) {
                return r;
            }
        }
        return null;
    }

    private void columns(Frag select, String alias, ModelMeta<?> meta) {
        for (Field f : meta.concreteFields()) {
            if (!select.sql.isEmpty()) {
                select.sql.append(", ");
            }
            select.sql.append(alias).append('.').append(d.quote(f.column()));
        }
    }

    private static List<String> splitColumns(StringBuilder sb) {
        return sb.isEmpty() ? List.of() : List.of(sb.toString().split(", "));
    }

    // ---- expressions ---------------------------------------------------------------------------

    private boolean hasAggregate() {
        return s.annotations.values().stream().anyMatch(e -> e instanceof Agg);
    }

    private String expression(Expression e, List<Object> params) {
        return switch (e) {
            case F f -> f(f, params);
            case Agg<?> a -> aggregateSql(a);
        };
    }

    private String f(F f, List<Object> params) {
        return switch (f.kind()) {
            case COLUMN -> {
                if (outer != null) {
                    yield outer.f(f, params);
                }
                Resolved r = s.annotations.containsKey(f.path()) && !(s.annotations.get(f.path()) instanceof F)
                        ? null : resolve(f.path());
                if (r == null) {
                    yield expression(s.annotations.get(f.path()), params);
                }
                if (!r.rest.isEmpty()) {
                    throw new FieldError("db.E107: F('" + f.path() + "') must name a field, not a lookup");
                }
                yield r.sql;
            }
            case VALUE -> {
                params.add(convert(null, f.value().orElse(null)));
                yield "?";
            }
            case BINARY -> "(" + f(f.left().orElseThrow(), params) + " " + f.op() + " " + f(f.right().orElseThrow(), params) + ")";
        };
    }

    private String aggregateSql(Agg<?> a) {
        String inner;
        if ("*".equals(a.path())) {
            inner = "*";
        } else {
            Resolved r = resolve(a.path());
            if (!r.rest.isEmpty()) {
                throw new FieldError("db.E107: cannot aggregate over lookup '" + a.path() + "'");
            }
            inner = r.sql;
        }
        return a.function().name() + "(" + (a.isDistinct() ? "DISTINCT " : "") + inner + ")";
    }

    private ValueReader readerFor(Expression e) {
        if (e instanceof Agg<?> a) {
            Field f = "*".equals(a.path()) ? null : new Compiler(d, s, db).resolve(a.path()).field;
            return AggregateTypes.reader(d, a, f);
        }
        return (rs, i) -> number(rs.getObject(i));
    }

    private static Object number(Object v) {
        return switch (v) {
            case Integer i -> i.longValue();
            case Short sh -> sh.longValue();
            case java.math.BigInteger b -> b.longValue();
            case null, default -> v;
        };
    }

    /** Converts a Java value compared with field {@code f} (null: no field, e.g. after a transform). */
    Object convert(Field f, Object v) {
        if (v instanceof QueryShape.Slot slot) {
            int i = slot.index();
            return (QueryShape.Deferred) values -> Values.toDb(d, f, values[i]);
        }
        if (v instanceof KeyValue k) {
            return (QueryShape.Deferred) values -> Values.toDb(d, f, keyValueOf(k.field(), values[k.slot()]));
        }
        return Values.toDb(d, f, v);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
