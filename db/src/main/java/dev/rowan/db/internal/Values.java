package dev.rowan.db.internal;

import dev.rowan.db.Field;
import dev.rowan.db.FieldType;
import dev.rowan.db.Model;
import dev.rowan.db.Ref;
import dev.rowan.db.spi.Dialect;

/** Java value to driver value, following foreign keys to the related primary key. */
public final class Values {
    private Values() {
    }

    /** Converts {@code v} for comparison with or storage in field {@code f} (null: no field). */
    public static Object toDb(Dialect d, Field f, Object v) {
        if (v == null) {
            return null;
        }
        if (f == null) {
            return d.toDb(null, v instanceof Model m ? m.pk().orElseThrow() : v instanceof Ref<?> r ? r.id() : v);
        }
        if (f.type() == FieldType.FOREIGN_KEY || f.type() == FieldType.ONE_TO_ONE) {
            return toDb(d, f.relatedModel().orElseThrow().pk(), idOf(v));
        }
        if (v instanceof Model m) {
            return toDb(d, f, idOf(m));
        }
        return d.toDb(f, v);
    }

    /** The primary key of a model, ref or raw key. */
    public static Object idOf(Object v) {
        if (v instanceof Model m) {
            return m.pk().orElseThrow(() -> new IllegalArgumentException(
                    "db.E011: unsaved " + m.meta().label() + " used as a related object; save it first"));
        }
        return v instanceof Ref<?> r ? r.id() : v;
    }
}
