package dev.rowan.db;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Read-only metadata of one model field: what forms, the admin, migrations and the query compiler
 * read. Declared with the builders in {@link Fields}; obtained from {@link ModelMeta#fields()}.
 *
 * <pre>{@code
 * Field f = Question.META.requireField("questionText");
 * f.type();        // CHAR
 * f.maxLength();   // OptionalInt[200]
 * f.valueOf(q);    // "What's up?"
 * }</pre>
 */
public final class Field {
    private final Builder spec;
    private final String name;
    private final String column;
    private final ModelMeta<?> model;
    private final MethodHandle getter;
    private final MethodHandle setter;

    Field(Builder spec, String name, ModelMeta<?> model, MethodHandle getter, MethodHandle setter) {
        this.spec = spec.copy();
        this.name = name;
        this.model = model;
        this.getter = getter;
        this.setter = setter;
        String col = spec.column != null ? spec.column : Names.snake(name);
        if (spec.column == null && (spec.type == FieldType.FOREIGN_KEY || spec.type == FieldType.ONE_TO_ONE)) {
            col = col + "_id";
        }
        this.column = spec.type == FieldType.MANY_TO_MANY ? "" : col;
    }

    /** The field name (the Java field name), used in query paths. */
    public String name() {
        return name;
    }

    /** The column name ({@code snake_case} of the name; {@code _id} appended for foreign keys). */
    public String column() {
        return column;
    }

    /** The field kind. */
    public FieldType type() {
        return spec.type;
    }

    /** The Java type of values of this field ({@link Ref} for foreign keys). */
    public Class<?> javaType() {
        return switch (spec.type) {
            case AUTO, BIG_INT -> Long.class;
            case CHAR, TEXT, EMAIL, URL, SLUG, JSON -> String.class;
            case SMALL_INT -> Short.class;
            case INT -> Integer.class;
            case BOOLEAN -> Boolean.class;
            case DECIMAL -> java.math.BigDecimal.class;
            case FLOAT -> Float.class;
            case DOUBLE -> Double.class;
            case DATE -> java.time.LocalDate.class;
            case DATE_TIME -> java.time.Instant.class;
            case TIME -> java.time.LocalTime.class;
            case DURATION -> java.time.Duration.class;
            case UUID -> java.util.UUID.class;
            case BINARY -> byte[].class;
            case ENUM -> spec.enumType;
            case FOREIGN_KEY, ONE_TO_ONE -> Ref.class;
            case MANY_TO_MANY -> List.class;
        };
    }

    /** The model this field belongs to. */
    public ModelMeta<?> model() {
        return model;
    }

    /** Whether NULL is allowed in the database. */
    public boolean nullable() {
        return spec.nullable;
    }

    /** Whether forms may leave it empty. */
    public boolean blank() {
        return spec.blank;
    }

    /** Whether values must be unique. */
    public boolean unique() {
        return spec.unique || spec.primaryKey || spec.type == FieldType.ONE_TO_ONE;
    }

    /** Whether the column gets an index (foreign keys always do). */
    public boolean indexed() {
        return spec.index || spec.type == FieldType.FOREIGN_KEY;
    }

    /** Whether this is the primary key. */
    public boolean primaryKey() {
        return spec.primaryKey;
    }

    /** Whether forms and the admin show it. */
    public boolean editable() {
        return spec.editable && spec.type != FieldType.AUTO;
    }

    /** The human name, by default the name split into words. */
    public String verboseName() {
        return spec.verboseName != null ? spec.verboseName : Names.words(name);
    }

    /** The help text shown under form fields (may be empty). */
    public String helpText() {
        return spec.helpText;
    }

    /** Allowed values with labels (empty when any value is allowed). */
    public List<FieldChoice> choices() {
        return spec.choices;
    }

    /** Extra validators run by {@link Model#fullClean()}. */
    public List<Validator> validators() {
        return spec.validators;
    }

    /** Maximum length of a text field. */
    public OptionalInt maxLength() {
        return spec.maxLength > 0 ? OptionalInt.of(spec.maxLength) : OptionalInt.empty();
    }

    /** Total digits of a decimal field. */
    public OptionalInt precision() {
        return spec.type == FieldType.DECIMAL ? OptionalInt.of(spec.precision) : OptionalInt.empty();
    }

    /** Digits after the point of a decimal field. */
    public OptionalInt scale() {
        return spec.type == FieldType.DECIMAL ? OptionalInt.of(spec.scale) : OptionalInt.empty();
    }

    /** Whether a default is declared. */
    public boolean hasDefault() {
        return spec.defaultSupplier != null;
    }

    /** A fresh default value (a supplier default is called each time). */
    public Optional<Object> defaultValue() {
        return spec.defaultSupplier == null ? Optional.empty() : Optional.ofNullable(spec.defaultSupplier.get());
    }

    /** The model a relation points at. */
    public Optional<ModelMeta<?>> relatedModel() {
        return spec.target == null ? Optional.empty() : Optional.of(ModelMeta.of(spec.target));
    }

    /** The on-delete behaviour of a foreign key or one-to-one field. */
    public Optional<OnDelete> onDelete() {
        return Optional.ofNullable(spec.onDelete);
    }

    /** The name of the reverse relation on the related model, used in paths (default: model name in lowerCamel). */
    public String relatedName() {
        return spec.relatedName != null ? spec.relatedName : Names.lowerFirst(model.name());
    }

    /** The explicit or automatic join model of a many-to-many field. */
    public Optional<ModelMeta<?>> through() {
        if (spec.type != FieldType.MANY_TO_MANY) {
            return Optional.empty();
        }
        return Optional.of(spec.through != null ? ModelMeta.of(spec.through) : model.autoThrough(this));
    }

    /** Whether the through model was declared by the application (not created automatically). */
    public boolean hasExplicitThrough() {
        return spec.through != null;
    }

    /** The enum class of an enum field. */
    public Optional<Class<? extends Enum<?>>> enumType() {
        return Optional.ofNullable(spec.enumType);
    }

    /** Whether the field has a column in its model's table. */
    public boolean concrete() {
        return spec.type != FieldType.MANY_TO_MANY;
    }

    /** Reads this field from a model instance. */
    public Object valueOf(Model instance) {
        if (getter == null) {
            throw new IllegalStateException(model.label() + "." + name + " has no Java field");
        }
        try {
            return getter.invokeExact((Object) instance);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes this field on a model instance. */
    public void setValue(Model instance, Object value) {
        if (setter == null) {
            throw new IllegalStateException(model.label() + "." + name + " has no Java field");
        }
        try {
            setter.invokeExact((Object) instance, value);
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("db.E010: cannot store NULL in primitive field " + model.label() + "." + name
                    + "; declare it with a boxed type (Integer, Long, ...)", e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A builder with the same options, for migrations that derive a changed field. */
    public Builder toBuilder() {
        return spec.copy();
    }

    @Override
    public String toString() {
        return model.label() + "." + name;
    }

    Builder spec() {
        return spec;
    }

    Class<? extends Model> targetClass() {
        return spec.target;
    }

    Class<? extends Model> throughClass() {
        return spec.through;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /**
     * Options of a field under construction; start one with a factory in {@link Fields}.
     *
     * <pre>{@code
     * Fields.charField(200).verboseName("question").helpText("What to ask").unique()
     * }</pre>
     */
    public static final class Builder {
        FieldType type;
        boolean nullable;
        boolean blank;
        boolean unique;
        boolean index;
        boolean primaryKey;
        boolean editable = true;
        String column;
        String verboseName;
        String helpText = "";
        List<FieldChoice> choices = List.of();
        List<Validator> validators = List.of();
        Supplier<?> defaultSupplier;
        int maxLength;
        int precision;
        int scale;
        Class<? extends Model> target;
        OnDelete onDelete;
        String relatedName;
        Class<? extends Model> through;
        Class<? extends Enum<?>> enumType;

        Builder(FieldType type) {
            this.type = type;
        }

        /** Allow NULL in the database (and {@code null} in Java). */
        public Builder nullable() {
            this.nullable = true;
            return this;
        }

        /** Allow an empty value in forms. */
        public Builder blank() {
            this.blank = true;
            return this;
        }

        /** Values must be unique (a unique constraint named {@code <table>_<column>_uniq}). */
        public Builder unique() {
            this.unique = true;
            return this;
        }

        /** Create an index on the column. */
        public Builder index() {
            this.index = true;
            return this;
        }

        /** Make this the primary key instead of the automatic {@code id}. */
        public Builder primaryKey() {
            this.primaryKey = true;
            return this;
        }

        /** Hide the field from forms and the admin. */
        public Builder notEditable() {
            this.editable = false;
            return this;
        }

        /** Override the column name. */
        public Builder column(String column) {
            this.column = column;
            return this;
        }

        /** The human name. */
        public Builder verboseName(String verboseName) {
            this.verboseName = verboseName;
            return this;
        }

        /** Help text for forms. */
        public Builder helpText(String helpText) {
            this.helpText = helpText;
            return this;
        }

        /** Restrict values to these choices. */
        public Builder choices(FieldChoice... choices) {
            this.choices = List.of(choices);
            return this;
        }

        /** Add validators run by {@link Model#fullClean()}. */
        public Builder validators(Validator... validators) {
            List<Validator> all = new ArrayList<>(this.validators);
            all.addAll(List.of(validators));
            this.validators = List.copyOf(all);
            return this;
        }

        /** A constant default used for new instances and when adding the column. */
        public Builder defaultValue(Object value) {
            this.defaultSupplier = () -> value;
            return this;
        }

        /** A default computed for each new instance (e.g. {@code Instant::now}). */
        public Builder defaultSupplier(Supplier<?> supplier) {
            this.defaultSupplier = supplier;
            return this;
        }

        /** The reverse relation's name on the related model, e.g. {@code "choices"}. */
        public Builder relatedName(String relatedName) {
            this.relatedName = relatedName;
            return this;
        }

        /** An explicit join model for a many-to-many field. */
        public Builder through(Class<? extends Model> through) {
            this.through = through;
            return this;
        }

        /** Maximum length (text fields). */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** A detached field (not part of a model), e.g. for {@link SchemaEditor#addField}. */
        public Field build(ModelMeta<?> owner, String name) {
            return new Field(this, name, owner, null, null);
        }

        Builder copy() {
            Builder b = new Builder(type);
            b.nullable = nullable;
            b.blank = blank;
            b.unique = unique;
            b.index = index;
            b.primaryKey = primaryKey;
            b.editable = editable;
            b.column = column;
            b.verboseName = verboseName;
            b.helpText = helpText;
            b.choices = choices;
            b.validators = validators;
            b.defaultSupplier = defaultSupplier;
            b.maxLength = maxLength;
            b.precision = precision;
            b.scale = scale;
            b.target = target;
            b.onDelete = onDelete;
            b.relatedName = relatedName;
            b.through = through;
            b.enumType = enumType;
            return b;
        }
    }
}
