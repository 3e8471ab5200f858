package dev.rowan.db;

/**
 * What happens to rows that point at a deleted row through a foreign key. The ORM applies these
 * itself (as Django does), so the behaviour is the same on every database.
 *
 * <pre>{@code
 * Fields.foreignKey(Question.class, OnDelete.CASCADE)
 * }</pre>
 */
public enum OnDelete {
    /** Delete the pointing rows too. */
    CASCADE,
    /** Refuse the delete with {@link ProtectedError}. */
    PROTECT,
    /** Refuse the delete unless the pointing rows are deleted by the same operation through a cascade. */
    RESTRICT,
    /** Set the foreign key to NULL (the field must be nullable). */
    SET_NULL,
    /** Set the foreign key to the field's default. */
    SET_DEFAULT,
    /** Do nothing; the database's own constraint decides. */
    DO_NOTHING
}
