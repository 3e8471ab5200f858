package dev.rowan.db.internal;

import dev.rowan.db.Database;
import dev.rowan.db.Field;
import dev.rowan.db.FieldType;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.spi.Dialect;
import dev.rowan.db.spi.ValueReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Precomputed row hydration for one model on one dialect: readers and field setters in column order,
 * built once and cached on the model, so reading a row does no lookups and no reflection.
 */
public final class ModelPlan {
    final ModelMeta<?> meta;
    final Field[] fields;
    final ValueReader[] readers;
    final ModelMeta<?>[] fkTargets;

    private ModelPlan(ModelMeta<?> meta, Dialect dialect) {
        this.meta = meta;
        List<Field> concrete = meta.concreteFields();
        this.fields = concrete.toArray(Field[]::new);
        this.readers = new ValueReader[fields.length];
        this.fkTargets = new ModelMeta<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            readers[i] = dialect.reader(fields[i]);
            FieldType t = fields[i].type();
            if (t == FieldType.FOREIGN_KEY || t == FieldType.ONE_TO_ONE) {
                fkTargets[i] = fields[i].relatedModel().orElseThrow();
            }
        }
    }

    /** The cached plan of {@code meta} for {@code dialect}. */
    public static ModelPlan of(ModelMeta<?> meta, Dialect dialect) {
        return (ModelPlan) Bridge.access().cache(meta)
                .computeIfAbsent(new Key(dialect.getClass()), k -> new ModelPlan(meta, dialect));
    }

    /** Number of columns read. */
    public int width() {
        return fields.length;
    }

    /** Reads a model instance from columns {@code offset+1 ..}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Model read(ResultSet rs, int offset, Database db) throws SQLException {
        Bridge.Access access = Bridge.access();
        Model m = access.newRaw(meta);
        for (int i = 0; i < fields.length; i++) {
            Object v = readers[i].read(rs, offset + i + 1);
            if (fkTargets[i] != null && v != null) {
                v = access.ref((ModelMeta) fkTargets[i], v, null, db);
            }
            fields[i].setValue(m, v);
        }
        ModelState st = access.state(m);
        st.adding = false;
        st.db = db;
        return m;
    }

    private record Key(Class<?> dialect) {
    }
}
