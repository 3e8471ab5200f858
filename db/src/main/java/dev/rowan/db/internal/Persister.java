package dev.rowan.db.internal;

import dev.rowan.db.Field;
import dev.rowan.db.FieldType;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.NotFound;
import dev.rowan.db.Q;
import dev.rowan.db.spi.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Inserts, updates, refreshes and deletes model instances; SQL per model shape is built once. */
public final class Persister {
    private static final int BATCH = 500;

    private Persister() {
    }

    private record InsertKey(Class<?> dialect, boolean withPk, int rows) {
    }

    private record UpdateKey(Class<?> dialect, List<String> fields) {
    }

    /** Inserts a new row or updates the existing one (an update that matches nothing inserts). */
    public static void save(Model m, Engine engine) {
        ModelMeta<?> meta = m.meta();
        Object pk = meta.pk().valueOf(m);
        ModelState st = Bridge.access().state(m);
        if (pk != null && (!st.adding || meta.pk().type() != FieldType.AUTO)) {
            if (update(m, engine, meta, updatable(meta)) > 0) {
                st.adding = false;
                st.db = engine.database();
                return;
            }
        }
        insert(List.of(m), engine);
    }

    /** Inserts rows in batches, setting generated keys on the instances. */
    public static void insert(List<? extends Model> models, Engine engine) {
        if (models.isEmpty()) {
            return;
        }
        ModelMeta<?> meta = models.getFirst().meta();
        Field pk = meta.pk();
        boolean auto = pk.type() == FieldType.AUTO;
        List<Model> withKey = new ArrayList<>();
        List<Model> withoutKey = new ArrayList<>();
        for (Model m : models) {
            applyDefaults(meta, m);
            (auto && pk.valueOf(m) == null ? withoutKey : withKey).add(m);
        }
        // A model with no column but its generated key has nothing to list in VALUES; its insert is
        // "DEFAULT VALUES", which adds one row per statement, so such rows go one at a time.
        boolean keyOnly = meta.concreteFields().size() == 1; // the primary key is always one of them
        int generatedBatch = keyOnly ? 1 : BATCH;
        engine.atomic(() -> {
            for (int i = 0; i < withoutKey.size(); i += generatedBatch) {
                insertBatch(engine, meta, withoutKey.subList(i, Math.min(withoutKey.size(), i + generatedBatch)), false);
            }
            for (int i = 0; i < withKey.size(); i += BATCH) {
                insertBatch(engine, meta, withKey.subList(i, Math.min(withKey.size(), i + BATCH)), true);
            }
            return null;
        });
        for (Model m : models) {
            ModelState st = Bridge.access().state(m);
            st.adding = false;
            st.db = engine.database();
        }
    }

    /** Updates the given fields of each instance by primary key, in JDBC batches. */
    public static int bulkUpdate(List<? extends Model> models, List<String> fieldNames, Engine engine) {
        if (models.isEmpty()) {
            return 0;
        }
        ModelMeta<?> meta = models.getFirst().meta();
        List<Field> fields = fieldNames.isEmpty() ? updatable(meta) : fieldNames.stream().map(meta::requireField).toList();
        String sql = updateSql(engine.dialect(), meta, fields);
        return engine.atomic(() -> engine.withConnection(c -> {
            int total = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<Object> batch = new ArrayList<>();
                int n = 0;
                for (Model m : models) {
                    batch.addAll(bindUpdate(ps, engine.dialect(), meta, fields, m));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        total += executeBatch(engine, ps, sql, batch, BATCH);
                        batch.clear();
                    }
                }
                if (n % BATCH != 0) {
                    total += executeBatch(engine, ps, sql, batch, n % BATCH);
                }
            }
            return total;
        }));
    }

    private static int executeBatch(Engine engine, PreparedStatement ps, String sql, List<Object> params, int rows)
            throws SQLException {
        long start = engine.log().start();
        int n = sum(ps.executeBatch());
        engine.log().record(sql, params, rows, start);
        return n;
    }

    /** Reloads all fields of {@code m}. */
    public static void refresh(Model m, Engine engine) {
        ModelMeta<?> meta = m.meta();
        Object pk = meta.pk().valueOf(m);
        QueryState s = new QueryState(meta);
        s.where = Q.of("pk", pk);
        List<Model> rows = Executor.list(engine, new Compiler(engine.dialect(), s, engine.database()).selectModels());
        if (rows.isEmpty()) {
            throw new NotFound(meta.label(), "pk=" + pk);
        }
        for (Field f : meta.concreteFields()) {
            f.setValue(m, f.valueOf(rows.getFirst()));
        }
    }

    /** Deletes {@code m} with cascades. */
    public static void delete(Model m, Engine engine) {
        ModelMeta<?> meta = m.meta();
        Object pk = meta.pk().valueOf(m);
        if (pk == null) {
            throw new IllegalStateException("db.E012: " + meta.label() + " object can't be deleted because its pk is null");
        }
        Deleter.delete(engine, meta, List.of(pk));
        if (meta.pk().type() == FieldType.AUTO) {
            meta.pk().setValue(m, null);
        }
        Bridge.access().state(m).adding = true;
    }

    private static int update(Model m, Engine engine, ModelMeta<?> meta, List<Field> fields) {
        if (fields.isEmpty()) {
            return 1;
        }
        String sql = updateSql(engine.dialect(), meta, fields);
        return engine.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<Object> params = bindUpdate(ps, engine.dialect(), meta, fields, m);
                long start = engine.log().start();
                int n = ps.executeUpdate();
                engine.log().record(sql, params, 1, start);
                return n;
            }
        });
    }

    private static List<Field> updatable(ModelMeta<?> meta) {
        return meta.concreteFields().stream().filter(f -> !f.primaryKey()).toList();
    }

    /** Binds the SET values and the key of {@code m}; returns them, in placeholder order. */
    private static List<Object> bindUpdate(PreparedStatement ps, Dialect d, ModelMeta<?> meta, List<Field> fields, Model m)
            throws SQLException {
        List<Object> values = new ArrayList<>(fields.size() + 1);
        for (Field f : fields) {
            values.add(Values.toDb(d, f, f.valueOf(m)));
        }
        values.add(Values.toDb(d, meta.pk(), meta.pk().valueOf(m)));
        Engine.bind(ps, values);
        return values;
    }

    private static String updateSql(Dialect d, ModelMeta<?> meta, List<Field> fields) {
        return (String) Bridge.access().cache(meta).computeIfAbsent(new UpdateKey(d.getClass(), fields.stream().map(Field::name).toList()), k -> {
            StringBuilder sb = new StringBuilder("UPDATE ").append(d.quote(meta.table())).append(" SET ");
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(d.quote(fields.get(i).column())).append(" = ?");
            }
            return sb.append(" WHERE ").append(d.quote(meta.pk().column())).append(" = ?").toString();
        });
    }

    private static void insertBatch(Engine engine, ModelMeta<?> meta, List<Model> rows, boolean withPk) {
        Dialect d = engine.dialect();
        List<Field> cols = meta.concreteFields().stream().filter(f -> withPk || !f.primaryKey()).toList();
        String sql = insertSql(d, meta, cols, withPk, rows.size());
        Field pk = meta.pk();
        engine.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<Object> values = new ArrayList<>(rows.size() * cols.size());
                for (Model m : rows) {
                    for (Field f : cols) {
                        values.add(Values.toDb(d, f, f.valueOf(m)));
                    }
                }
                Engine.bind(ps, values);
                long start = engine.log().start();
                if (withPk) {
                    ps.executeUpdate();
                    engine.log().record(sql, values, 1, start);
                    return null;
                }
                try (ResultSet rs = ps.executeQuery()) {
                    engine.log().record(sql, values, 1, start);
                    var reader = d.reader(pk);
                    int n = 0;
                    while (rs.next()) {
                        pk.setValue(rows.get(n++), reader.read(rs, 1));
                    }
                }
            }
            return null;
        });
    }

    private static String insertSql(Dialect d, ModelMeta<?> meta, List<Field> cols, boolean withPk, int rows) {
        return (String) Bridge.access().cache(meta).computeIfAbsent(new InsertKey(d.getClass(), withPk, rows), k -> {
            StringBuilder sb = new StringBuilder("INSERT INTO ").append(d.quote(meta.table()));
            if (cols.isEmpty()) {
                sb.append("mariadb".equals(d.vendor()) ? " () VALUES ()" : " DEFAULT VALUES");
            } else {
                sb.append(" (");
                for (int i = 0; i < cols.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(d.quote(cols.get(i).column()));
                }
                sb.append(") VALUES ");
                String one = "(" + "?, ".repeat(cols.size() - 1) + "?)";
                for (int r = 0; r < rows; r++) {
                    sb.append(r == 0 ? "" : ", ").append(one);
                }
            }
            if (!withPk) {
                sb.append(" RETURNING ").append(d.quote(meta.pk().column()));
            }
            return sb.toString();
        });
    }

    private static void applyDefaults(ModelMeta<?> meta, Model m) {
        for (Field f : meta.concreteFields()) {
            if (f.hasDefault() && f.valueOf(m) == null) {
                f.setValue(m, f.defaultValue().orElse(null));
            }
        }
    }

    private static int sum(int[] counts) {
        int t = 0;
        for (int c : counts) {
            t += Math.max(c, 0);
        }
        return t;
    }
}
