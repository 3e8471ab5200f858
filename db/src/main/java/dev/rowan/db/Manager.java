package dev.rowan.db;

import dev.rowan.db.internal.Bridge;
import dev.rowan.db.internal.Engine;
import dev.rowan.db.internal.Executor;
import dev.rowan.db.internal.Persister;
import dev.rowan.db.internal.QueryState;
import dev.rowan.db.internal.RowReader;
import dev.rowan.db.internal.Values;
import dev.rowan.db.spi.ValueReader;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The entry point for queries on one model, declared as {@code objects} on the model class.
 * Every method starts a fresh {@link QuerySet} on the installed default database.
 *
 * <pre>{@code
 * public static final Manager<Question> objects = Manager.of(META);
 *
 * Question.objects.all().list();
 * Question.objects.filter("questionText__startswith", "What").list();
 * Question.objects.get("pk", 1);
 * }</pre>
 *
 * @param <T> the model
 */
public final class Manager<T extends Model> {
    private final ModelMeta<T> meta;

    private Manager(ModelMeta<T> meta) {
        this.meta = meta;
    }

    /** A manager for {@code meta}. */
    public static <T extends Model> Manager<T> of(ModelMeta<T> meta) {
        return new Manager<>(meta);
    }

    /** The model's metadata. */
    public ModelMeta<T> meta() {
        return meta;
    }

    /** Every row. */
    public QuerySet<T> all() {
        return new QuerySet<>(new QueryState(meta), null, "default");
    }

    /** Rows where {@code path} matches {@code value}. */
    public QuerySet<T> filter(String path, Object value) {
        return all().filter(path, value);
    }

    /** Rows matching {@code conditions}. */
    public QuerySet<T> filter(Q... conditions) {
        return all().filter(conditions);
    }

    /** Rows not matching. */
    public QuerySet<T> exclude(String path, Object value) {
        return all().exclude(path, value);
    }

    /** The only row where {@code path} matches {@code value}. */
    public T get(String path, Object value) {
        return all().get(path, value);
    }

    /** The only row matching {@code condition}. */
    public T get(Q condition) {
        return all().get(condition);
    }

    /** Number of rows. */
    public long count() {
        return all().count();
    }

    /** Inserts a row built by {@code init}. */
    public T create(Consumer<? super T> init) {
        return all().create(init);
    }

    /** Inserts {@code obj}. */
    public T create(T obj) {
        return all().create(obj);
    }

    /** See {@link QuerySet#getOrCreate}. */
    public GetOrCreate<T> getOrCreate(Q lookup, Consumer<? super T> defaults) {
        return all().getOrCreate(lookup, defaults);
    }

    /** See {@link QuerySet#updateOrCreate}. */
    public GetOrCreate<T> updateOrCreate(Q lookup, Consumer<? super T> defaults) {
        return all().updateOrCreate(lookup, defaults);
    }

    /** Inserts many rows in batches. */
    public List<T> bulkCreate(List<T> objects) {
        return all().bulkCreate(objects);
    }

    /** Updates fields of many rows by primary key in batches. */
    public int bulkUpdate(List<T> objects, String... fields) {
        return all().bulkUpdate(objects, fields);
    }

    /** A query set on the database with {@code alias}. */
    public QuerySet<T> using(String alias) {
        return all().using(alias);
    }

    /** A query set on {@code db}. */
    public QuerySet<T> using(Database db) {
        return all().using(db);
    }

    /**
     * Runs raw SQL (values bound to {@code ?}) on the default database and maps columns to fields by
     * column name; missing columns stay unset, extra columns become annotations.
     */
    public List<T> raw(String sql, Object... params) {
        return raw(Databases.current().defaultDatabase(), sql, params);
    }

    /** {@link #raw(String, Object...)} on {@code db}. */
    public List<T> raw(Database db, String sql, Object... params) {
        Engine e = Bridge.access().engine(db);
        List<Object> values = new ArrayList<>();
        for (Object p : params) {
            values.add(Values.toDb(e.dialect(), null, p));
        }
        return Executor.list(e, new dev.rowan.db.internal.CompiledSelect<>(sql, values, new RawReader(e, db)));
    }

    /** Saves new or changed instances with one statement per row in a transaction. */
    public void saveAll(List<T> objects, Database db) {
        Engine e = Bridge.access().engine(db);
        e.atomic(() -> {
            for (T o : objects) {
                Persister.save(o, e);
            }
            return null;
        });
    }

    /** Maps rows by column label; which field (or annotation) each column feeds is found on the first row. */
    private final class RawReader implements RowReader<T> {
        private final Engine engine;
        private final Database db;
        private String[] labels;
        private Field[] fields;
        private ValueReader[] readers;

        RawReader(Engine engine, Database db) {
            this.engine = engine;
            this.db = db;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public T read(ResultSet rs) throws java.sql.SQLException {
            if (labels == null) {
                plan(rs.getMetaData());
            }
            Bridge.Access access = Bridge.access();
            T obj = (T) access.newRaw(meta);
            for (int i = 0; i < labels.length; i++) {
                Field f = fields[i];
                if (f == null) {
                    access.state(obj).annotate(labels[i], rs.getObject(i + 1));
                    continue;
                }
                Object v = readers[i].read(rs, i + 1);
                if (v != null && (f.type() == FieldType.FOREIGN_KEY || f.type() == FieldType.ONE_TO_ONE)) {
                    v = access.ref((ModelMeta) f.relatedModel().orElseThrow(), v, null, db);
                }
                f.setValue(obj, v);
            }
            var st = access.state(obj);
            st.adding = false;
            st.db = db;
            return obj;
        }

        private void plan(ResultSetMetaData md) throws java.sql.SQLException {
            int n = md.getColumnCount();
            labels = new String[n];
            fields = new Field[n];
            readers = new ValueReader[n];
            for (int i = 0; i < n; i++) {
                String col = md.getColumnLabel(i + 1);
                labels[i] = col;
                fields[i] = meta.concreteFields().stream().filter(x -> x.column().equalsIgnoreCase(col)).findFirst().orElse(null);
                readers[i] = fields[i] == null ? null : engine.dialect().reader(fields[i]);
            }
        }
    }
}
