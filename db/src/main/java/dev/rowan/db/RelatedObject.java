package dev.rowan.db;

/**
 * A relation seen from its target: another model's foreign key, one-to-one or many-to-many field
 * that points at this model. {@link #name()} is usable in query paths ({@code "choice__votes__gt"}).
 *
 * <pre>{@code
 * for (RelatedObject r : Question.META.relatedObjects()) { r.name(); r.field().model(); }
 * }</pre>
 *
 * @param name  the reverse name (the field's {@link Field#relatedName()})
 * @param field the field on the other model
 */
public record RelatedObject(String name, Field field) {
    /** The model that holds the relation field. */
    public ModelMeta<?> relatedModel() {
        return field.model();
    }

    /** Whether this side sees many rows (reverse foreign key or many-to-many). */
    public boolean multiple() {
        return field.type() != FieldType.ONE_TO_ONE;
    }
}
