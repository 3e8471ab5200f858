package dev.rowan.db;

/**
 * The kinds of model fields. Each dialect maps them to its SQL types in one place.
 *
 * <pre>{@code
 * if (field.type() == FieldType.CHAR) { field.maxLength(); }
 * }</pre>
 */
public enum FieldType {
    /** 64-bit auto-incremented primary key ({@code Long}). */
    AUTO,
    /** Bounded string ({@code String}, max length required). */
    CHAR,
    /** Unbounded string ({@code String}). */
    TEXT,
    /** {@code Short}. */
    SMALL_INT,
    /** {@code Integer}. */
    INT,
    /** {@code Long}. */
    BIG_INT,
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code BigDecimal} with precision and scale. */
    DECIMAL,
    /** {@code Float}. */
    FLOAT,
    /** {@code Double}. */
    DOUBLE,
    /** {@code LocalDate}. */
    DATE,
    /** {@code Instant}, stored in UTC. */
    DATE_TIME,
    /** {@code LocalTime}. */
    TIME,
    /** {@code Duration}, stored as microseconds. */
    DURATION,
    /** {@code UUID}. */
    UUID,
    /** An e-mail address ({@code String}, validated). */
    EMAIL,
    /** A URL ({@code String}, validated). */
    URL,
    /** A slug ({@code String}, letters, digits, hyphens, underscores). */
    SLUG,
    /** JSON text ({@code String}); {@code jsonb} on PostgreSQL. */
    JSON,
    /** {@code byte[]}. */
    BINARY,
    /** A Java enum stored by constant name. */
    ENUM,
    /** Many-to-one relation ({@link Ref}). */
    FOREIGN_KEY,
    /** One-to-one relation ({@link Ref}), a unique foreign key. */
    ONE_TO_ONE,
    /** Many-to-many relation; no column, a join table. */
    MANY_TO_MANY;

    /** Whether this type points at another model. */
    public boolean isRelation() {
        return this == FOREIGN_KEY || this == ONE_TO_ONE || this == MANY_TO_MANY;
    }

    /** Whether this type holds text. */
    public boolean isText() {
        return this == CHAR || this == TEXT || this == EMAIL || this == URL || this == SLUG || this == JSON;
    }
}
