package dev.rowan.db;

/**
 * Factories for field declarations, one per {@link FieldType}.
 *
 * <pre>{@code
 * m.field("questionText", Fields.charField(200))
 *  .field("pubDate", Fields.dateTime().verboseName("date published"))
 *  .field("question", Fields.foreignKey(Question.class, OnDelete.CASCADE))
 * }</pre>
 */
public final class Fields {
    private Fields() {
    }

    /** A 64-bit auto-incremented primary key; added as {@code id} automatically when none is declared. */
    public static Field.Builder autoId() {
        return new Field.Builder(FieldType.AUTO).primaryKey().notEditable();
    }

    /** A bounded string. */
    public static Field.Builder charField(int maxLength) {
        return new Field.Builder(FieldType.CHAR).maxLength(maxLength);
    }

    /** An unbounded string. */
    public static Field.Builder text() {
        return new Field.Builder(FieldType.TEXT);
    }

    /** A 16-bit integer ({@code Short}). */
    public static Field.Builder smallInt() {
        return new Field.Builder(FieldType.SMALL_INT);
    }

    /** A 32-bit integer ({@code Integer}). */
    public static Field.Builder integer() {
        return new Field.Builder(FieldType.INT);
    }

    /** A 64-bit integer ({@code Long}). */
    public static Field.Builder bigInt() {
        return new Field.Builder(FieldType.BIG_INT);
    }

    /** A boolean. */
    public static Field.Builder bool() {
        return new Field.Builder(FieldType.BOOLEAN);
    }

    /** A fixed-point decimal ({@code BigDecimal}). */
    public static Field.Builder decimal(int precision, int scale) {
        Field.Builder b = new Field.Builder(FieldType.DECIMAL);
        b.precision = precision;
        b.scale = scale;
        return b;
    }

    /** A 32-bit float. */
    public static Field.Builder floatField() {
        return new Field.Builder(FieldType.FLOAT);
    }

    /** A 64-bit double. */
    public static Field.Builder doubleField() {
        return new Field.Builder(FieldType.DOUBLE);
    }

    /** A calendar date ({@code LocalDate}). */
    public static Field.Builder date() {
        return new Field.Builder(FieldType.DATE);
    }

    /** A point in time ({@code Instant}), stored in UTC. */
    public static Field.Builder dateTime() {
        return new Field.Builder(FieldType.DATE_TIME);
    }

    /** A time of day ({@code LocalTime}). */
    public static Field.Builder time() {
        return new Field.Builder(FieldType.TIME);
    }

    /** A {@code Duration}, stored as microseconds. */
    public static Field.Builder duration() {
        return new Field.Builder(FieldType.DURATION);
    }

    /** A {@code UUID}. */
    public static Field.Builder uuid() {
        return new Field.Builder(FieldType.UUID);
    }

    /** An e-mail address (max 254 characters, validated). */
    public static Field.Builder email() {
        return new Field.Builder(FieldType.EMAIL).maxLength(254).validators(Validators.email());
    }

    /** A URL (max 200 characters, validated). */
    public static Field.Builder url() {
        return new Field.Builder(FieldType.URL).maxLength(200).validators(Validators.url());
    }

    /** A slug (max 50 characters, indexed, validated). */
    public static Field.Builder slug() {
        return new Field.Builder(FieldType.SLUG).maxLength(50).index().validators(Validators.slug());
    }

    /** JSON text; {@code jsonb} on PostgreSQL. */
    public static Field.Builder json() {
        return new Field.Builder(FieldType.JSON);
    }

    /** Raw bytes. */
    public static Field.Builder binary() {
        return new Field.Builder(FieldType.BINARY);
    }

    /** A Java enum stored by constant name; the constants become the field's choices. */
    public static <E extends Enum<E>> Field.Builder enumField(Class<E> type) {
        Field.Builder b = new Field.Builder(FieldType.ENUM);
        b.enumType = type;
        int max = 1;
        FieldChoice[] choices = new FieldChoice[type.getEnumConstants().length];
        for (int i = 0; i < choices.length; i++) {
            E e = type.getEnumConstants()[i];
            max = Math.max(max, e.name().length());
            choices[i] = FieldChoice.of(e, Names.words(e.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return b.maxLength(max).choices(choices);
    }

    /** A many-to-one relation to {@code target}; the Java field has type {@code Ref<Target>}. */
    public static Field.Builder foreignKey(Class<? extends Model> target, OnDelete onDelete) {
        Field.Builder b = new Field.Builder(FieldType.FOREIGN_KEY);
        b.target = target;
        b.onDelete = onDelete;
        return b;
    }

    /** A one-to-one relation (a unique foreign key). */
    public static Field.Builder oneToOne(Class<? extends Model> target, OnDelete onDelete) {
        Field.Builder b = foreignKey(target, onDelete);
        b.type = FieldType.ONE_TO_ONE;
        return b;
    }

    /**
     * A many-to-many relation; needs no Java field. The join table is created automatically unless
     * {@link Field.Builder#through} names a join model.
     */
    public static Field.Builder manyToMany(Class<? extends Model> target) {
        Field.Builder b = new Field.Builder(FieldType.MANY_TO_MANY);
        b.target = target;
        b.blank = true;
        return b;
    }
}
