package dev.rowan.db.internal;

import dev.rowan.db.Constraint;
import dev.rowan.db.Field;
import dev.rowan.db.ModelMeta;
import java.util.Arrays;
import java.util.List;

/** Maps what a database reports (SQLite names columns, not constraints) back to constraint names. */
public final class Constraints {
    private Constraints() {
    }

    /** The declared constraint name for the {@code t.a, t.b} of a SQLite {@code UNIQUE constraint failed} report. */
    public static String resolveUnique(String reported) {
        List<String> parts = Arrays.stream(reported.split(",")).map(String::trim).toList();
        String table = parts.getFirst().contains(".") ? parts.getFirst().substring(0, parts.getFirst().indexOf('.')) : "";
        List<String> columns = parts.stream().map(p -> p.substring(p.indexOf('.') + 1)).toList();
        for (ModelMeta<?> meta : Bridge.access().allModels()) {
            if (!meta.table().equals(table)) {
                continue;
            }
            if (columns.size() == 1) {
                for (Field f : meta.concreteFields()) {
                    if (f.column().equals(columns.getFirst()) && f.unique() && !f.primaryKey()) {
                        return SchemaNames.unique(meta, f);
                    }
                }
            }
            for (Constraint c : meta.constraints()) {
                if (c.isUnique() && c.fields().stream().map(n -> meta.requireField(n).column()).toList().equals(columns)) {
                    return c.name();
                }
            }
        }
        return reported;
    }
}
