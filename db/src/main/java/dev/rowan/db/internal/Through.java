package dev.rowan.db.internal;

import dev.rowan.db.Field;
import dev.rowan.db.FieldType;
import dev.rowan.db.ModelMeta;

/**
 * The join model of a many-to-many field and its two foreign keys.
 *
 * @param meta the join model
 * @param from the key pointing at the model that declares the many-to-many field
 * @param to   the key pointing at the related model
 */
public record Through(ModelMeta<?> meta, Field from, Field to) {
    /** Finds the join model and keys of {@code m2m}. */
    public static Through of(Field m2m) {
        ModelMeta<?> through = m2m.through().orElseThrow();
        Class<?> owner = m2m.model().type();
        Class<?> target = m2m.relatedModel().orElseThrow().type();
        Field from = null;
        Field to = null;
        for (Field f : through.concreteFields()) {
            if (f.type() != FieldType.FOREIGN_KEY) {
                continue;
            }
            Class<?> t = f.relatedModel().orElseThrow().type();
            if (from == null && t.equals(owner)) {
                from = f;
            } else if (to == null && t.equals(target)) {
                to = f;
            }
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("db.E007: through model " + through.label() + " of " + m2m
                    + " needs a foreign key to " + owner.getSimpleName() + " and one to " + target.getSimpleName());
        }
        return new Through(through, from, to);
    }
}
