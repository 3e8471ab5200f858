package dev.rowan.db;

import dev.rowan.db.internal.Bridge;
import dev.rowan.db.internal.CompiledSelect;
import dev.rowan.db.internal.Compiler;
import dev.rowan.db.internal.Deleter;
import dev.rowan.db.internal.Engine;
import dev.rowan.db.internal.Executor;
import dev.rowan.db.internal.Persister;
import dev.rowan.db.internal.Prefetcher;
import dev.rowan.db.internal.QueryState;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A lazy, immutable, chainable query. Every method that returns a {@code QuerySet} returns a new
 * one; nothing touches the database until a terminal method ({@link #list}, {@link #get},
 * {@link #count}, {@link #stream}, ...) runs.
 *
 * <pre>{@code
 * List<Question> latest = Question.objects.filter("pubDate__lte", Instant.now())
 *         .orderBy("-pubDate").limit(5).list();
 * Choice.objects.filter("question__pubDate__year", 2026).count();
 * }</pre>
 *
 * <p>The query set a prefetched relation's {@link RelatedManager#all()} returns already holds its
 * rows: {@link #list}, {@link #stream}, {@link #forEach}, {@link #get()}, {@link #first},
 * {@link #last}, {@link #count} and {@link #exists} answer from them without a query. Every method
 * that derives a new query set ({@code filter}, {@code orderBy}, {@code limit}, ...) and
 * {@code values}, {@code aggregate} and writes query the database, as in Django.
 *
 * @param <T> the model
 */
public final class QuerySet<T extends Model> {
    private static final int MAX_GET = 21;

    private final QueryState s;
    private final Database db;
    private final String alias;
    // Rows a prefetch already loaded for exactly this query, or null: then reads query the database.
    private final List<T> prefetched;

    QuerySet(QueryState state, Database db, String alias) {
        this(state, db, alias, null);
    }

    private QuerySet(QueryState state, Database db, String alias, List<T> prefetched) {
        this.s = state;
        this.db = db;
        this.alias = alias;
        this.prefetched = prefetched;
    }

    /** This query set answering reads from {@code rows}, which a prefetch loaded for it. */
    QuerySet<T> withPrefetched(List<T> rows) {
        return new QuerySet<>(s, db, alias, rows);
    }

    // ---- chaining ------------------------------------------------------------------------------

    /** Rows where {@code path} (with an optional {@code __lookup}) matches {@code value}. */
    public QuerySet<T> filter(String path, Object value) {
        return filter(Q.of(path, value));
    }

    /** Rows matching all of {@code conditions}. */
    public QuerySet<T> filter(Q... conditions) {
        QueryState n = s.copy();
        for (Q q : conditions) {
            validate(q);
            if (refersToAggregate(q)) {
                n.having = n.having == null ? q : n.having.and(q);
            } else {
                n.where = n.where == null ? q : n.where.and(q);
            }
        }
        return with(n);
    }

    /** Rows where {@code path} does not match {@code value}. */
    public QuerySet<T> exclude(String path, Object value) {
        return filter(Q.not(Q.of(path, value)));
    }

    /** Rows not matching {@code condition}. */
    public QuerySet<T> exclude(Q condition) {
        return filter(Q.not(condition));
    }

    /** Orders by keys such as {@code "-pubDate"} (descending) and {@code "question__questionText"}. */
    public QuerySet<T> orderBy(String... keys) {
        return orderBy(Arrays.stream(keys).map(Order::parse).toArray(Order[]::new));
    }

    /** Orders by keys with NULL placement. */
    public QuerySet<T> orderBy(Order... keys) {
        QueryState n = s.copy();
        n.order = List.of(keys);
        return with(n);
    }

    /** The same rows in the opposite order. */
    public QuerySet<T> reverse() {
        QueryState n = s.copy();
        n.order = orderOrPk().stream().map(Order::reversed).toList();
        return with(n);
    }

    /** At most {@code n} rows (SQL LIMIT). */
    public QuerySet<T> limit(long n) {
        QueryState c = s.copy();
        c.limit = n;
        return with(c);
    }

    /** Skips {@code n} rows (SQL OFFSET). */
    public QuerySet<T> offset(long n) {
        QueryState c = s.copy();
        c.offset = s.offset + n;
        if (s.limit >= 0) {
            c.limit = Math.max(0, s.limit - n);
        }
        return with(c);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), like Python's {@code [from:to]}. */
    public QuerySet<T> slice(long from, long to) {
        return offset(from).limit(Math.max(0, to - from));
    }

    /**
     * Keyset paging: rows that come after {@code row} in the current ordering (the primary key breaks
     * ties). Unlike OFFSET it costs the same on page 1 and page 10,000.
     */
    public QuerySet<T> after(T row) {
        QueryState c = s.copy();
        c.after = row;
        if (c.order == null || c.order.stream().noneMatch(o -> o.path().equals("pk") || o.path().equals(s.meta.pk().name()))) {
            List<Order> keys = new ArrayList<>(s.effectiveOrder());
            keys.add(Order.asc(s.meta.pk().name()));
            c.order = keys;
        }
        return with(c);
    }

    /** SELECT DISTINCT. */
    public QuerySet<T> distinct() {
        QueryState c = s.copy();
        c.distinct = true;
        return with(c);
    }

    /** Loads the rows behind foreign keys in the same query, e.g. {@code selectRelated("question")}. */
    public QuerySet<T> selectRelated(String... paths) {
        QueryState c = s.copy();
        List<String> all = new ArrayList<>(s.selectRelated);
        all.addAll(List.of(paths));
        c.selectRelated = List.copyOf(all);
        return with(c);
    }

    /** Loads related rows (reverse, many-to-many or forward) with one extra query per relation. */
    public QuerySet<T> prefetchRelated(String... paths) {
        QueryState c = s.copy();
        List<String> all = new ArrayList<>(s.prefetch);
        all.addAll(List.of(paths));
        c.prefetch = List.copyOf(all);
        return with(c);
    }

    /** Adds a computed value to each row, readable with {@link Model#annotation}; aggregates group by the row. */
    public QuerySet<T> annotate(String name, Expression expression) {
        if (s.meta.field(name).isPresent()) {
            throw new FieldError("db.E112: the annotation '" + name + "' conflicts with a field on " + s.meta.label());
        }
        return with(s.annotate(name, expression));
    }

    /** Runs against the database with {@code alias}. */
    public QuerySet<T> using(String alias) {
        return new QuerySet<>(s, null, alias);
    }

    /** Runs against {@code database}. */
    public QuerySet<T> using(Database database) {
        return new QuerySet<>(s, database, database.alias());
    }

    // ---- reading -------------------------------------------------------------------------------

    /** All matching rows. */
    @SuppressWarnings("unchecked")
    public List<T> list() {
        if (prefetched != null) {
            return prefetched;
        }
        Engine e = engine();
        List<T> rows = (List<T>) (List<?>) Executor.list(e, e.select("models", s, Compiler::selectModels));
        if (!s.prefetch.isEmpty()) {
            Prefetcher.prefetch(rows, s.prefetch, e);
        }
        return rows;
    }

    /**
     * Streams matching rows with bounded memory (a server-side cursor on PostgreSQL, a streaming
     * result on MariaDB). Close the stream: use try-with-resources. Prefetching does not apply.
     */
    @SuppressWarnings("unchecked")
    public Stream<T> stream() {
        if (prefetched != null) {
            return prefetched.stream();
        }
        return (Stream<T>) (Stream<?>) Executor.stream(engine(), engine().select("models", s, Compiler::selectModels));
    }

    /** Streams every row to {@code action} and closes the cursor. */
    public void forEach(Consumer<? super T> action) {
        try (Stream<T> rows = stream()) {
            rows.forEach(action);
        }
    }

    /** The only matching row, or {@link NotFound} / {@link MultipleFound}. */
    public T get() {
        QueryState c = s.copy();
        c.limit = MAX_GET;
        c.order = List.of();
        List<T> rows = prefetched != null ? prefetched : with(c).list();
        if (rows.isEmpty()) {
            throw new NotFound(s.meta.label(), describe());
        }
        if (rows.size() > 1) {
            throw new MultipleFound(s.meta.label(), rows.size(), describe());
        }
        return rows.getFirst();
    }

    /** The only row where {@code path} matches {@code value}. */
    public T get(String path, Object value) {
        return filter(path, value).get();
    }

    /** The only row matching {@code condition}. */
    public T get(Q condition) {
        return filter(condition).get();
    }

    /** The first row in the current ordering (by primary key if none). */
    public Optional<T> first() {
        if (prefetched != null) {
            return s.effectiveOrder().isEmpty() ? prefetched.stream().min(this::byPk) : prefetched.stream().findFirst();
        }
        QueryState c = s.copy();
        c.order = orderOrPk();
        c.limit = 1;
        return with(c).list().stream().findFirst();
    }

    /** The last row in the current ordering (by primary key if none). */
    public Optional<T> last() {
        if (prefetched != null) {
            return s.effectiveOrder().isEmpty() ? prefetched.stream().max(this::byPk)
                    : prefetched.isEmpty() ? Optional.empty() : Optional.of(prefetched.getLast());
        }
        return reverse().first();
    }

    /** Number of matching rows. */
    public long count() {
        if (prefetched != null) {
            return prefetched.size();
        }
        QueryState c = s.copy();
        c.order = List.of();
        List<Long> r = Executor.list(engine(), engine().select("count", c, Compiler::count));
        return r.getFirst();
    }

    /** Whether any row matches. */
    public boolean exists() {
        if (prefetched != null) {
            return !prefetched.isEmpty();
        }
        QueryState c = s.copy();
        c.order = List.of();
        c.limit = 1;
        return !Executor.list(engine(), engine().select("pks", c, Compiler::selectPks)).isEmpty();
    }

    /**
     * One aggregate over all matching rows, typed: {@code aggregate(Agg.sum("votes"))} is an
     * {@code Optional<Long>}, empty when SQL gives NULL (a sum over no rows).
     */
    public <V> Optional<V> aggregate(Agg<V> aggregate) {
        return aggregate(aggregate, new Agg<?>[0]).get(aggregate);
    }

    /** Several aggregates in one query, each read back typed with {@link Aggregates#get(Agg)}. */
    public Aggregates aggregate(Agg<?> first, Agg<?>... more) {
        Map<String, Agg<?>> named = new LinkedHashMap<>();
        named.put(first.defaultAlias(), first);
        for (Agg<?> a : more) {
            named.put(a.defaultAlias(), a);
        }
        return aggregate(named);
    }

    /** Aggregates with chosen names. */
    public Aggregates aggregate(Map<String, Agg<?>> aggregates) {
        QueryState c = s.copy();
        c.order = List.of();
        return Aggregates.of(aggregates, Executor.list(engine(), with(c).compiler().aggregate(aggregates)).getFirst());
    }

    /**
     * Rows as maps of the given paths (all fields when none); with aggregate annotations the rows
     * are grouped by these paths, e.g. {@code values("question").annotate(...)}.
     */
    public List<Map<String, Object>> values(String... paths) {
        return Executor.list(engine(), engine().select("values", valuesState(paths).s, Compiler::selectValues));
    }

    /** Rows as lists of the given paths' values. */
    public List<List<Object>> valuesList(String... paths) {
        return values(paths).stream().map(m -> java.util.Collections.unmodifiableList(new ArrayList<>(m.values()))).toList();
    }

    /** One path's values, e.g. {@code flatList("questionText", String.class)}. */
    public <V> List<V> flatList(String path, Class<V> type) {
        return values(path).stream().map(m -> type.cast(m.get(path))).toList();
    }

    /** Rows as records whose component names are paths (use {@code _} for {@code __}, e.g. {@code question_questionText}). */
    public <R extends Record> List<R> into(Class<R> recordType) {
        RecordComponent[] comps = recordType.getRecordComponents();
        String[] paths = Arrays.stream(comps).map(rc -> rc.getName().replace("_", "__")).toArray(String[]::new);
        MethodHandle ctor;
        try {
            Class<?>[] types = Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new);
            ctor = MethodHandles.publicLookup().findConstructor(recordType, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, comps.length);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("db.E113: record " + recordType.getName() + " must be public", e);
        }
        List<R> out = new ArrayList<>();
        for (Map<String, Object> row : values(paths)) {
            try {
                out.add(recordType.cast(ctor.invoke(row.values().toArray())));
            } catch (Throwable t) {
                throw new IllegalArgumentException("db.E113: cannot build " + recordType.getSimpleName() + " from " + row, t);
            }
        }
        return out;
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Inserts a new row built by {@code init} (on a fresh instance with defaults). */
    public T create(Consumer<? super T> init) {
        @SuppressWarnings("unchecked")
        T obj = (T) s.meta.newInstance();
        init.accept(obj);
        return create(obj);
    }

    /** Inserts {@code obj} and returns it with its key. */
    public T create(T obj) {
        Persister.insert(List.of(obj), engine());
        return obj;
    }

    /**
     * The row matching {@code lookup}, or a new one built from the lookup's equalities and
     * {@code defaults}; safe against a concurrent insert of the same row (retries the get).
     */
    public GetOrCreate<T> getOrCreate(Q lookup, Consumer<? super T> defaults) {
        Engine e = engine();
        try {
            return new GetOrCreate<>(get(lookup), false);
        } catch (NotFound nf) {
            try {
                T created = e.atomic(() -> create(obj -> {
                    applyEqualities(obj, lookup);
                    defaults.accept(obj);
                }));
                return new GetOrCreate<>(created, true);
            } catch (IntegrityError ie) {
                try {
                    return new GetOrCreate<>(get(lookup), false);
                } catch (NotFound again) {
                    throw ie;
                }
            }
        }
    }

    /** Like {@link #getOrCreate}, and when found applies {@code defaults} and saves. */
    public GetOrCreate<T> updateOrCreate(Q lookup, Consumer<? super T> defaults) {
        return engine().atomic(() -> {
            GetOrCreate<T> r = getOrCreate(lookup, defaults);
            if (!r.created()) {
                defaults.accept(r.object());
                r.object().save(engine().database());
            }
            return r;
        });
    }

    /** Inserts many rows in batches (multi-row INSERT ... RETURNING), setting their keys. */
    public List<T> bulkCreate(List<T> objects) {
        Persister.insert(objects, engine());
        return objects;
    }

    /** Updates {@code fields} (all when none) of each object by primary key, batched; returns rows updated. */
    public int bulkUpdate(List<T> objects, String... fields) {
        return Persister.bulkUpdate(objects, List.of(fields), engine());
    }

    /** Sets {@code field} on every matching row in one statement; {@code value} may be an {@link F}. */
    public int update(String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(field, value);
        return update(m);
    }

    /** Sets several fields on every matching row in one statement. */
    public int update(Map<String, Object> changes) {
        if (s.limit >= 0 || s.offset > 0) {
            throw new IllegalStateException("db.E114: cannot update a sliced query set; filter by keys instead");
        }
        QueryState c = s.copy();
        c.order = List.of();
        CompiledSelect<Void> u = with(c).compiler().update(changes);
        return engine().update(u.sql(), u.params());
    }

    /** Deletes matching rows, applying on-delete rules; returns the number of rows deleted (all models). */
    public int delete() {
        if (s.limit >= 0 || s.offset > 0) {
            throw new IllegalStateException("db.E115: cannot delete from a sliced query set; filter by keys instead");
        }
        Engine e = engine();
        return e.atomic(() -> {
            QueryState c = s.copy();
            c.order = List.of();
            List<Object> pks = Executor.list(e, e.select("pks", c, Compiler::selectPks));
            return Deleter.delete(e, s.meta, pks);
        });
    }

    /** The SQL this query would run, for debugging. */
    public String sql() {
        return engine().select("models", s, Compiler::selectModels).sql();
    }

    @Override
    public String toString() {
        return "QuerySet<" + s.meta.label() + ">(" + describe() + ")";
    }

    // ---- internals -----------------------------------------------------------------------------

    ModelMeta<?> meta() {
        return s.meta;
    }

    private QuerySet<T> with(QueryState n) {
        return new QuerySet<>(n, db, alias);
    }

    private QuerySet<T> valuesState(String... paths) {
        QueryState c = s.copy();
        c.values = List.of(paths);
        return with(c);
    }

    private Engine engine() {
        return db != null ? Bridge.access().engine(db) : Bridge.access().engine(Databases.current().get(alias));
    }

    private Compiler compiler() {
        Engine e = engine();
        return new Compiler(e.dialect(), s, e.database());
    }

    /** The order {@code first()} and {@code last()} use when none is set: by primary key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private int byPk(T a, T b) {
        Field pk = s.meta.pk();
        return ((Comparable) pk.valueOf(a)).compareTo(pk.valueOf(b));
    }

    private List<Order> orderOrPk() {
        List<Order> o = s.effectiveOrder();
        return o.isEmpty() ? List.of(Order.asc(s.meta.pk().name())) : o;
    }

    private boolean refersToAggregate(Q q) {
        if (q.kind() == Q.Kind.LEAF) {
            return s.annotations.get(q.path().split("__")[0]) instanceof Agg;
        }
        return q.children().stream().anyMatch(this::refersToAggregate);
    }

    private void validate(Q q) {
        if (q.kind() != Q.Kind.LEAF) {
            q.children().forEach(this::validate);
            return;
        }
        String first = q.path().split("__")[0];
        if (s.annotations.containsKey(first)) {
            return;
        }
        if (s.meta.field(first).isEmpty() && s.meta.relatedObject(first).isEmpty()) {
            throw new FieldError("db.E101: cannot resolve '" + first + "' into a field of " + s.meta.label()
                    + "; choices are: " + String.join(", ", s.meta.choiceNames()));
        }
    }

    private void applyEqualities(T obj, Q q) {
        if (q.kind() == Q.Kind.AND) {
            q.children().forEach(c -> applyEqualities(obj, c));
        } else if (q.kind() == Q.Kind.LEAF) {
            String path = q.path().endsWith("__exact") ? q.path().substring(0, q.path().length() - 7) : q.path();
            Optional<Field> f = s.meta.field(path);
            if (f.isPresent() && f.get().concrete()) {
                Object v = q.value().orElse(null);
                if (f.get().type().isRelation() && v instanceof Model m) {
                    v = Ref.to(m);
                }
                f.get().setValue(obj, v);
            }
        }
    }

    private String describe() {
        return s.where == null ? "all" : s.where.toString();
    }
}
