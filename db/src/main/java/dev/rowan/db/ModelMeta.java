package dev.rowan.db;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The read-only description of a model: its fields, options, relations and constraints. It is the
 * single source of truth that queries, the schema editor, forms, the admin and migrations read.
 * Declare it once as a constant of the model class; nothing is discovered by scanning.
 *
 * <pre>{@code
 * public final class Question extends Model {
 *     public static final ModelMeta<Question> META = ModelMeta.define(Question.class, Question::new,
 *             MethodHandles.lookup(), m -> m.app("polls")
 *                     .field("questionText", Fields.charField(200))
 *                     .field("pubDate", Fields.dateTime().verboseName("date published")));
 *     public static final Manager<Question> objects = Manager.of(META);
 *     public Long id;
 *     public String questionText;
 *     public Instant pubDate;
 * }
 * }</pre>
 *
 * @param <T> the model class
 */
public final class ModelMeta<T extends Model> {
    private static final Map<Class<?>, ModelMeta<?>> BY_CLASS = new ConcurrentHashMap<>();
    private static final List<ModelMeta<?>> ALL = new CopyOnWriteArrayList<>();

    static {
        Model.installBridge();
    }

    private final Class<T> type;
    private final Supplier<T> factory;
    private final boolean isAbstract;
    private final String appLabel;
    private final String name;
    private final String table;
    private final String verboseName;
    private final String verboseNamePlural;
    private final List<String> ordering;
    private final List<Index> indexes;
    private final List<Constraint> constraints;
    private final List<Field> fields;
    private final Map<String, Field> byName;
    private final Field pk;
    private final List<RelatedObject> related = new CopyOnWriteArrayList<>();
    private final Map<String, ModelMeta<Model>> autoThroughs = new ConcurrentHashMap<>();
    private final List<Inherited> inheritable;
    private final Map<Object, Object> cache = new ConcurrentHashMap<>();

    private ModelMeta(Builder<T> b) {
        this.type = b.type;
        this.factory = b.factory;
        this.isAbstract = b.isAbstract;
        this.name = b.name != null ? b.name : b.type.getSimpleName();
        this.appLabel = b.app != null ? b.app : defaultApp(b.type);
        this.table = b.table != null ? b.table : Names.lower(appLabel) + "_" + Names.lower(name);
        this.verboseName = b.verboseName != null ? b.verboseName : Names.words(name);
        this.verboseNamePlural = b.verboseNamePlural != null ? b.verboseNamePlural : verboseName + "s";
        this.ordering = List.copyOf(b.ordering);
        this.indexes = List.copyOf(b.indexes);
        this.constraints = List.copyOf(b.constraints);
        this.inheritable = List.copyOf(b.fields);
        List<Field> built = new ArrayList<>();
        Map<String, Field> names = new LinkedHashMap<>();
        boolean hasPk = b.fields.stream().anyMatch(f -> f.spec.primaryKey);
        List<Inherited> all = new ArrayList<>();
        if (!hasPk && !isAbstract) {
            all.add(new Inherited("id", Fields.autoId(), b.lookup));
        }
        all.addAll(b.fields);
        for (Inherited def : all) {
            Field f = buildField(def);
            if (names.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("db.E004: field '" + f.name() + "' is declared twice on " + label());
            }
            built.add(f);
        }
        this.fields = List.copyOf(built);
        this.pk = built.stream().filter(Field::primaryKey).findFirst().orElse(null);
        for (Field f : built) {
            String snake = Names.snake(f.name());
            if (!snake.equals(f.name())) {
                names.putIfAbsent(snake, f);
            }
            if (f.type() == FieldType.FOREIGN_KEY || f.type() == FieldType.ONE_TO_ONE) {
                names.putIfAbsent(f.name() + "Id", f);
                names.putIfAbsent(f.column(), f);
            }
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    /**
     * Declares a concrete model. {@code lookup} must be {@code MethodHandles.lookup()} called in the
     * model class, so the ORM can read and write its (even private) fields without reflection per row.
     */
    public static <T extends Model> ModelMeta<T> define(Class<T> type, Supplier<T> factory, MethodHandles.Lookup lookup,
                                                        Consumer<Builder<T>> body) {
        Builder<T> b = new Builder<>(type, factory, lookup, false);
        body.accept(b);
        return register(new ModelMeta<>(b));
    }

    /** Declares an abstract base model: no table; concrete models copy its fields with {@link Builder#inherit}. */
    public static <T extends Model> ModelMeta<T> defineAbstract(Class<T> type, MethodHandles.Lookup lookup,
                                                                Consumer<Builder<T>> body) {
        Builder<T> b = new Builder<>(type, null, lookup, true);
        body.accept(b);
        return new ModelMeta<>(b);
    }

    /** The metadata of a model class (initialises the class if needed). */
    @SuppressWarnings("unchecked")
    public static <T extends Model> ModelMeta<T> of(Class<T> type) {
        ModelMeta<?> meta = BY_CLASS.get(type);
        if (meta == null) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            meta = BY_CLASS.get(type);
        }
        if (meta == null) {
            throw new IllegalArgumentException("db.E001: " + type.getName() + " declares no ModelMeta; add "
                    + "'public static final ModelMeta<" + type.getSimpleName() + "> META = ModelMeta.define(...)'");
        }
        return (ModelMeta<T>) meta;
    }

    /** The model class. */
    public Class<T> type() {
        return type;
    }

    /** The application label, e.g. {@code polls}. */
    public String appLabel() {
        return appLabel;
    }

    /** The model name, e.g. {@code Question}. */
    public String name() {
        return name;
    }

    /** {@code appLabel.Name}, e.g. {@code polls.Question}. */
    public String label() {
        return appLabel + "." + name;
    }

    /** The table name, by default {@code app_model} in lower case. */
    public String table() {
        return table;
    }

    /** Human name. */
    public String verboseName() {
        return verboseName;
    }

    /** Human plural name. */
    public String verboseNamePlural() {
        return verboseNamePlural;
    }

    /** Whether this is an abstract base (no table). */
    public boolean isAbstract() {
        return isAbstract;
    }

    /** Default ordering, e.g. {@code ["-pubDate"]}. */
    public List<String> ordering() {
        return ordering;
    }

    /** Declared indexes (besides the per-field ones). */
    public List<Index> indexes() {
        return indexes;
    }

    /** Declared unique and check constraints. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** All fields in declaration order, the primary key first when automatic. */
    public List<Field> fields() {
        return fields;
    }

    /** Fields that have a column (everything but many-to-many). */
    public List<Field> concreteFields() {
        return fields.stream().filter(Field::concrete).toList();
    }

    /** Many-to-many fields. */
    public List<Field> manyToManyFields() {
        return fields.stream().filter(f -> !f.concrete()).toList();
    }

    /** The primary key field. */
    public Field pk() {
        if (pk == null) {
            throw new IllegalStateException(label() + " is abstract and has no primary key");
        }
        return pk;
    }

    /** A field by name ({@code pubDate}; the snake-case {@code pub_date} and {@code pk} work too). */
    public Optional<Field> field(String name) {
        if ("pk".equals(name) && pk != null) {
            return Optional.of(pk);
        }
        return Optional.ofNullable(byName.get(name));
    }

    /** A field by name, or a {@link FieldError} listing the fields that exist. */
    public Field requireField(String name) {
        return field(name).orElseThrow(() -> new FieldError("db.E101: " + label() + " has no field named '" + name
                + "'; choices are: " + String.join(", ", choiceNames())));
    }

    /** Relations of other models that point at this one. */
    public List<RelatedObject> relatedObjects() {
        return List.copyOf(related);
    }

    /** A reverse relation by name. */
    public Optional<RelatedObject> relatedObject(String name) {
        return related.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Every name a query path may use at this model: fields and reverse relations. */
    public List<String> choiceNames() {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.name()));
        related.forEach(r -> names.add(r.name()));
        return names;
    }

    /** A new, unsaved instance with field defaults applied. */
    public T newInstance() {
        if (factory == null) {
            throw new IllegalStateException(label() + " cannot be instantiated (abstract or automatic join model)");
        }
        T t = factory.get();
        for (Field f : fields) {
            if (f.hasDefault() && f.concrete()) {
                f.setValue(t, f.defaultValue().orElse(null));
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return label();
    }

    T newRaw() {
        if (factory == null) {
            throw new IllegalStateException(label() + " cannot be instantiated (abstract or automatic join model)");
        }
        return factory.get();
    }

    static List<ModelMeta<?>> all() {
        return List.copyOf(ALL);
    }

    Map<Object, Object> cache() {
        return cache;
    }

    ModelMeta<Model> autoThrough(Field m2m) {
        return autoThroughs.computeIfAbsent(m2m.name(), n -> buildAutoThrough(m2m));
    }

    boolean hasJavaClass() {
        return factory != null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ModelMeta<Model> buildAutoThrough(Field m2m) {
        ModelMeta<?> target = m2m.relatedModel().orElseThrow();
        String from = Names.lowerFirst(name);
        String to = Names.lowerFirst(target.name());
        if (from.equals(to)) {
            from = "from" + name;
            to = "to" + target.name();
        }
        Builder b = new Builder(Model.class, null, null, false);
        b.app(appLabel).table(table + "_" + Names.snake(m2m.name()));
        b.name = name + "_" + m2m.name();
        b.field(from, Fields.foreignKey(type, OnDelete.CASCADE));
        b.field(to, Fields.foreignKey(target.type(), OnDelete.CASCADE));
        b.constraint(Constraint.unique(table + "_" + Names.snake(m2m.name()) + "_uniq", from, to));
        return new ModelMeta<Model>(b);
    }

    private Field buildField(Inherited def) {
        if (def.spec.type == FieldType.MANY_TO_MANY || factory == null && !isAbstract) {
            return new Field(def.spec, def.name, this, null, null);
        }
        java.lang.reflect.Field jf = findJavaField(def.name);
        checkJavaType(def, jf);
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(jf.getDeclaringClass(), def.lookup);
            MethodHandle g = l.unreflectGetter(jf).asType(MethodType.methodType(Object.class, Object.class));
            MethodHandle s = l.unreflectSetter(jf).asType(MethodType.methodType(void.class, Object.class, Object.class));
            return new Field(def.spec, def.name, this, g, s);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("db.E005: cannot access field " + jf + "; pass MethodHandles.lookup() "
                    + "from the model class and do not make the field final", e);
        }
    }

    private java.lang.reflect.Field findJavaField(String fieldName) {
        for (Class<?> c = type; c != null && c != Model.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(fieldName);
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            }
        }
        String hint = "id".equals(fieldName) ? " (the automatic primary key: declare 'public Long id;')" : "";
        throw new IllegalArgumentException("db.E002: " + label() + " declares field '" + fieldName
                + "' but " + type.getName() + " has no Java field of that name" + hint);
    }

    private void checkJavaType(Inherited def, java.lang.reflect.Field jf) {
        Class<?> want = new Field(def.spec, def.name, this, null, null).javaType();
        Class<?> have = box(jf.getType());
        if (!have.equals(want)) {
            throw new IllegalArgumentException("db.E003: " + label() + "." + def.name + " is a " + def.spec.type
                    + " field, so its Java type must be " + want.getSimpleName() + ", not " + jf.getType().getSimpleName());
        }
        if (java.lang.reflect.Modifier.isFinal(jf.getModifiers())) {
            throw new IllegalArgumentException("db.E005: " + label() + "." + def.name + " must not be final");
        }
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return MethodType.methodType(c).wrap().returnType();
    }

    private static String defaultApp(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    private static <T extends Model> ModelMeta<T> register(ModelMeta<T> meta) {
        BY_CLASS.put(meta.type, meta);
        for (Field f : meta.fields) {
            if (f.targetClass() != null) {
                ModelMeta<?> target = BY_CLASS.get(f.targetClass());
                if (target != null) {
                    target.addRelated(f);
                }
            }
        }
        for (ModelMeta<?> other : ALL) {
            for (Field f : other.fields) {
                if (meta.type.equals(f.targetClass())) {
                    meta.addRelated(f);
                }
            }
        }
        ALL.add(meta);
        return meta;
    }

    private synchronized void addRelated(Field f) {
        if (related.stream().noneMatch(r -> r.field() == f)) {
            related.add(new RelatedObject(f.relatedName(), f));
        }
    }

    private record Inherited(String name, Field.Builder spec, MethodHandles.Lookup lookup) {
    }

    /**
     * Model options and fields under declaration; see {@link ModelMeta#define}.
     *
     * <pre>{@code
     * m -> m.app("polls").table("polls_question").ordering("-pubDate")
     *       .field("questionText", Fields.charField(200))
     * }</pre>
     *
     * @param <T> the model class
     */
    public static final class Builder<T extends Model> {
        private final Class<T> type;
        private final Supplier<T> factory;
        private final MethodHandles.Lookup lookup;
        private final boolean isAbstract;
        private final List<Inherited> fields = new ArrayList<>();
        private final List<String> ordering = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<Constraint> constraints = new ArrayList<>();
        private String app;
        private String name;
        private String table;
        private String verboseName;
        private String verboseNamePlural;

        private Builder(Class<T> type, Supplier<T> factory, MethodHandles.Lookup lookup, boolean isAbstract) {
            this.type = type;
            this.factory = factory;
            this.lookup = lookup;
            this.isAbstract = isAbstract;
        }

        /** The application label (default: the last segment of the package name). */
        public Builder<T> app(String app) {
            this.app = app;
            return this;
        }

        /** The table name (default: {@code app_model}). */
        public Builder<T> table(String table) {
            this.table = table;
            return this;
        }

        /** Default ordering; {@code -} means descending. */
        public Builder<T> ordering(String... keys) {
            ordering.addAll(List.of(keys));
            return this;
        }

        /** Human name. */
        public Builder<T> verboseName(String verboseName) {
            this.verboseName = verboseName;
            return this;
        }

        /** Human plural name. */
        public Builder<T> verboseNamePlural(String verboseNamePlural) {
            this.verboseNamePlural = verboseNamePlural;
            return this;
        }

        /** A multi-column index. */
        public Builder<T> index(Index index) {
            indexes.add(index);
            return this;
        }

        /** A unique or check constraint. */
        public Builder<T> constraint(Constraint constraint) {
            constraints.add(constraint);
            return this;
        }

        /** A field; {@code name} is the Java field name. */
        public Builder<T> field(String name, Field.Builder field) {
            fields.add(new Inherited(name, field.copy(), lookup));
            return this;
        }

        /** Copy the fields and ordering of an abstract base model. */
        public Builder<T> inherit(ModelMeta<? super T> base) {
            if (!base.isAbstract()) {
                throw new IllegalArgumentException("db.E006: " + base.label() + " is not abstract; only abstract models can be inherited");
            }
            fields.addAll(0, base.inheritable);
            if (ordering.isEmpty()) {
                ordering.addAll(base.ordering());
            }
            return this;
        }
    }
}
