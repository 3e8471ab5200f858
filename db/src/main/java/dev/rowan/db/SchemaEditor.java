package dev.rowan.db;

import java.util.List;

/**
 * Operation-level DDL for one database, generated from model metadata: the single place where SQL
 * types and DDL differ between vendors. Migrations drive it one operation at a time; tests and
 * small apps call {@link #createModel} directly.
 *
 * <pre>{@code
 * SchemaEditor editor = db.schemaEditor();
 * editor.createModel(Question.META);
 * editor.addField(Question.META, Fields.integer().defaultValue(0).build(Question.META, "score"));
 * }</pre>
 */
public interface SchemaEditor {
    /** CREATE TABLE with columns, unique/foreign-key/check constraints, indexes and automatic join tables. */
    void createModel(ModelMeta<?> model);

    /** DROP TABLE (and automatic join tables). */
    void deleteModel(ModelMeta<?> model);

    /** Adds a column (existing rows get the field's default). */
    void addField(ModelMeta<?> model, Field field);

    /** Drops a column and its constraints. */
    void removeField(ModelMeta<?> model, Field field);

    /** Changes a column: name, type, nullability, uniqueness, index. */
    void alterField(ModelMeta<?> model, Field from, Field to);

    /** Renames the table. */
    void alterDbTable(ModelMeta<?> model, String oldTable, String newTable);

    /** Creates a declared index. */
    void addIndex(ModelMeta<?> model, Index index);

    /** Drops a declared index. */
    void removeIndex(ModelMeta<?> model, Index index);

    /** Adds a unique or check constraint. */
    void addConstraint(ModelMeta<?> model, Constraint constraint);

    /** Drops a unique or check constraint. */
    void removeConstraint(ModelMeta<?> model, Constraint constraint);

    /** The statements run (or, for a collecting editor, the statements that would run). */
    List<String> collectedSql();
}
