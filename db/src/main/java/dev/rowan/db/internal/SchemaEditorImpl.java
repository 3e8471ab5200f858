package dev.rowan.db.internal;

import dev.rowan.db.Constraint;
import dev.rowan.db.Field;
import dev.rowan.db.FieldType;
import dev.rowan.db.Index;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.SchemaEditor;
import dev.rowan.db.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** DDL from metadata; SQLite changes other than add/rename rebuild the table (it has no ALTER COLUMN). */
public final class SchemaEditorImpl implements SchemaEditor {
    private final Engine engine;
    private final Dialect d;
    private final boolean collectOnly;
    private final List<String> sql = new ArrayList<>();

    /** An editor that runs statements, or only collects them. */
    public SchemaEditorImpl(Engine engine, boolean collectOnly) {
        this.engine = engine;
        this.d = engine.dialect();
        this.collectOnly = collectOnly;
    }

    @Override
    public void createModel(ModelMeta<?> model) {
        run(createTable(model.table(), model, model.concreteFields(), model.constraints()));
        createIndexes(model, model.concreteFields(), model.indexes());
        for (Field m2m : model.manyToManyFields()) {
            if (!m2m.hasExplicitThrough()) {
                createModel(m2m.through().orElseThrow());
            }
        }
    }

    @Override
    public void deleteModel(ModelMeta<?> model) {
        for (Field m2m : model.manyToManyFields()) {
            if (!m2m.hasExplicitThrough()) {
                deleteModel(m2m.through().orElseThrow());
            }
        }
        run("DROP TABLE " + d.quote(model.table()));
    }

    @Override
    public void addField(ModelMeta<?> model, Field field) {
        if (field.type() == FieldType.MANY_TO_MANY) {
            createModel(field.through().orElseThrow());
            return;
        }
        if (!d.supportsAlterTable()) {
            List<Field> fields = new ArrayList<>(model.concreteFields());
            fields.add(field);
            Map<String, String> copy = identity(model.concreteFields());
            copy.put(field.column(), d.literal(Values.toDb(d, field, field.defaultValue().orElse(null))));
            remake(model, fields, copy, model.constraints(), model.indexes());
            return;
        }
        String t = d.quote(model.table());
        Object def = field.defaultValue().map(v -> Values.toDb(d, field, v)).orElse(null);
        boolean needsDefault = !field.nullable() && def != null;
        run("ALTER TABLE " + t + " ADD COLUMN " + column(field) + (needsDefault ? " DEFAULT " + d.literal(def) : ""));
        if (needsDefault) {
            run("ALTER TABLE " + t + " ALTER COLUMN " + d.quote(field.column()) + " DROP DEFAULT");
        }
        if (field.unique() && !field.primaryKey()) {
            run("ALTER TABLE " + t + " ADD CONSTRAINT " + d.quote(SchemaNames.unique(model, field)) + " UNIQUE (" + d.quote(field.column()) + ")");
        }
        if (isFk(field)) {
            run("ALTER TABLE " + t + " ADD " + foreignKey(model, field));
        }
        createIndexes(model, List.of(field), List.of());
    }

    @Override
    public void removeField(ModelMeta<?> model, Field field) {
        if (field.type() == FieldType.MANY_TO_MANY) {
            deleteModel(field.through().orElseThrow());
            return;
        }
        if (!d.supportsAlterTable()) {
            List<Field> fields = new ArrayList<>(model.concreteFields());
            fields.removeIf(f -> f.column().equals(field.column()));
            Map<String, String> copy = identity(fields);
            remake(model, fields, copy, model.constraints(), model.indexes());
            return;
        }
        if (isFk(field)) {
            run(d.dropForeignKey(model.table(), SchemaNames.foreignKey(model, field)));
        }
        run("ALTER TABLE " + d.quote(model.table()) + " DROP COLUMN " + d.quote(field.column()));
    }

    @Override
    public void alterField(ModelMeta<?> model, Field from, Field to) {
        boolean renamed = !from.column().equals(to.column());
        boolean retyped = !d.columnType(from).equals(d.columnType(to)) || from.nullable() != to.nullable();
        boolean reUnique = from.unique() != to.unique();
        boolean reIndex = needsIndex(from) != needsIndex(to);
        if (!d.supportsAlterTable()) {
            if (renamed && !retyped && !reUnique && !reIndex) {
                run("ALTER TABLE " + d.quote(model.table()) + " RENAME COLUMN " + d.quote(from.column()) + " TO " + d.quote(to.column()));
                return;
            }
            List<Field> fields = new ArrayList<>();
            Map<String, String> copy = new LinkedHashMap<>();
            for (Field f : model.concreteFields()) {
                Field now = f.column().equals(from.column()) ? to : f;
                fields.add(now);
                copy.put(now.column(), d.quote(f.column()));
            }
            remake(model, fields, copy, model.constraints(), model.indexes());
            return;
        }
        String t = d.quote(model.table());
        if (renamed) {
            run("ALTER TABLE " + t + " RENAME COLUMN " + d.quote(from.column()) + " TO " + d.quote(to.column()));
        }
        if (retyped) {
            for (String s : d.alterColumn(model.table(), to.column(), d.columnType(to), to.nullable())) {
                run(s);
            }
        }
        if (reUnique) {
            if (to.unique()) {
                run("ALTER TABLE " + t + " ADD CONSTRAINT " + d.quote(SchemaNames.unique(model, to)) + " UNIQUE (" + d.quote(to.column()) + ")");
            } else {
                run(d.dropUnique(model.table(), SchemaNames.unique(model, from)));
            }
        }
        if (reIndex) {
            if (needsIndex(to)) {
                createIndexes(model, List.of(to), List.of());
            } else {
                run(d.dropIndex(model.table(), SchemaNames.index(model, from)));
            }
        }
    }

    @Override
    public void alterDbTable(ModelMeta<?> model, String oldTable, String newTable) {
        run("ALTER TABLE " + d.quote(oldTable) + " RENAME TO " + d.quote(newTable));
    }

    @Override
    public void addIndex(ModelMeta<?> model, Index index) {
        run(createIndex(model, index.name(), index.fields().stream().map(n -> model.requireField(n).column()).toList(), false));
    }

    @Override
    public void removeIndex(ModelMeta<?> model, Index index) {
        run(d.dropIndex(model.table(), index.name()));
    }

    @Override
    public void addConstraint(ModelMeta<?> model, Constraint c) {
        if (!d.supportsAlterTable()) {
            List<Constraint> all = new ArrayList<>(model.constraints());
            all.add(c);
            remake(model, model.concreteFields(), identity(model.concreteFields()), all, model.indexes());
            return;
        }
        run("ALTER TABLE " + d.quote(model.table()) + " ADD " + constraint(model, c));
    }

    @Override
    public void removeConstraint(ModelMeta<?> model, Constraint c) {
        if (!d.supportsAlterTable()) {
            List<Constraint> all = new ArrayList<>(model.constraints());
            all.removeIf(x -> x.name().equals(c.name()));
            remake(model, model.concreteFields(), identity(model.concreteFields()), all, model.indexes());
            return;
        }
        run(c.isUnique() ? d.dropUnique(model.table(), c.name()) : d.dropCheck(model.table(), c.name()));
    }

    @Override
    public List<String> collectedSql() {
        return List.copyOf(sql);
    }

    // ---- SQL builders --------------------------------------------------------------------------

    private String createTable(String table, ModelMeta<?> model, List<Field> fields, List<Constraint> constraints) {
        List<String> parts = new ArrayList<>();
        for (Field f : fields) {
            parts.add(column(f));
        }
        for (Field f : fields) {
            if (f.unique() && !f.primaryKey()) {
                parts.add("CONSTRAINT " + d.quote(SchemaNames.unique(model, f)) + " UNIQUE (" + d.quote(f.column()) + ")");
            }
        }
        for (Field f : fields) {
            if (isFk(f)) {
                parts.add(foreignKey(model, f));
            }
        }
        for (Constraint c : constraints) {
            parts.add(constraint(model, c));
        }
        return "CREATE TABLE " + d.quote(table) + " (" + String.join(", ", parts) + ")" + d.tableOptions();
    }

    private String column(Field f) {
        if (f.type() == FieldType.AUTO) {
            return d.quote(f.column()) + " " + d.autoPrimaryKey();
        }
        return d.quote(f.column()) + " " + d.columnType(f) + (f.nullable() ? " NULL" : " NOT NULL") + (f.primaryKey() ? " PRIMARY KEY" : "");
    }

    private String foreignKey(ModelMeta<?> model, Field f) {
        ModelMeta<?> target = f.relatedModel().orElseThrow();
        return "CONSTRAINT " + d.quote(SchemaNames.foreignKey(model, f)) + " FOREIGN KEY (" + d.quote(f.column()) + ") REFERENCES "
                + d.quote(target.table()) + " (" + d.quote(target.pk().column()) + ")";
    }

    private String constraint(ModelMeta<?> model, Constraint c) {
        if (c.isUnique()) {
            List<String> cols = c.fields().stream().map(n -> d.quote(model.requireField(n).column())).toList();
            return "CONSTRAINT " + d.quote(c.name()) + " UNIQUE (" + String.join(", ", cols) + ")";
        }
        return "CONSTRAINT " + d.quote(c.name()) + " CHECK (" + Compiler.checkSql(d, model, c.check().orElseThrow()) + ")";
    }

    private void createIndexes(ModelMeta<?> model, List<Field> fields, List<Index> indexes) {
        for (Field f : fields) {
            if (needsIndex(f)) {
                run(createIndex(model, SchemaNames.index(model, f), List.of(f.column()), false));
            }
        }
        for (Index i : indexes) {
            addIndex(model, i);
        }
    }

    private boolean needsIndex(Field f) {
        // Unique columns are indexed by their constraint; MariaDB indexes foreign keys itself.
        return f.indexed() && !f.unique() && !(isFk(f) && "mariadb".equals(d.vendor()));
    }

    private String createIndex(ModelMeta<?> model, String name, List<String> columns, boolean unique) {
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + d.quote(name) + " ON " + d.quote(model.table())
                + " (" + String.join(", ", columns.stream().map(d::quote).toList()) + ")";
    }

    private static boolean isFk(Field f) {
        return f.type() == FieldType.FOREIGN_KEY || f.type() == FieldType.ONE_TO_ONE;
    }

    private Map<String, String> identity(List<Field> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Field f : fields) {
            m.put(f.column(), d.quote(f.column()));
        }
        return m;
    }

    // ---- SQLite table rebuild ------------------------------------------------------------------

    private void remake(ModelMeta<?> model, List<Field> fields, Map<String, String> copy, List<Constraint> constraints, List<Index> indexes) {
        String table = model.table();
        String tmp = "new__" + table;
        List<String> steps = new ArrayList<>();
        steps.add(createTable(tmp, model, fields, constraints));
        List<String> cols = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (Field f : fields) {
            cols.add(d.quote(f.column()));
            exprs.add(Objects.requireNonNull(copy.get(f.column()), f.column()));
        }
        steps.add("INSERT INTO " + d.quote(tmp) + " (" + String.join(", ", cols) + ") SELECT " + String.join(", ", exprs) + " FROM " + d.quote(table));
        steps.add("DROP TABLE " + d.quote(table));
        steps.add("ALTER TABLE " + d.quote(tmp) + " RENAME TO " + d.quote(table));
        if (collectOnly) {
            sql.addAll(steps);
            createIndexes(model, fields, indexes);
            return;
        }
        Connection inTx = engine.transactionConnection();
        if (inTx != null) {
            run("PRAGMA defer_foreign_keys = ON");
            steps.forEach(this::run);
            createIndexes(model, fields, indexes);
            return;
        }
        try (Connection c = engine.acquire(); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            try {
                c.setAutoCommit(false);
                for (String s : steps) {
                    sql.add(s);
                    execute(st, s);
                }
                for (Field f : fields) {
                    if (needsIndex(f)) {
                        String s = createIndex(model, SchemaNames.index(model, f), List.of(f.column()), false);
                        sql.add(s);
                        execute(st, s);
                    }
                }
                try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                    if (rs.next()) {
                        c.rollback();
                        throw new IllegalStateException("db.E050: rebuilding " + table + " would break foreign keys of " + rs.getString(1));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                st.execute("PRAGMA foreign_keys = ON");
            }
        } catch (SQLException e) {
            throw engine.translate(e);
        }
    }

    private void execute(Statement st, String statement) throws SQLException {
        long start = engine.log().start();
        st.execute(statement);
        engine.log().record(statement, start);
    }

    private void run(String statement) {
        sql.add(statement);
        if (!collectOnly) {
            engine.update(statement, List.of());
        }
    }
}
