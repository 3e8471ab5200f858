package dev.rowan.db;

import java.util.Objects;

/**
 * The value of a foreign-key field: the related row's primary key, and the row itself once loaded
 * (by {@link QuerySet#selectRelated}, {@link QuerySet#prefetchRelated} or on first {@link #get()}).
 *
 * <pre>{@code
 * choice.question = Ref.to(question);
 * choice.question.id();      // the question's pk
 * choice.question.get();     // the Question, loaded once
 * }</pre>
 *
 * @param <T> the related model
 */
public final class Ref<T extends Model> {
    private final ModelMeta<T> meta;
    private final Object id;
    private final Database db;
    private T value;

    private Ref(ModelMeta<T> meta, Object id, T value, Database db) {
        this.meta = meta;
        this.id = id;
        this.value = value;
        this.db = db;
    }

    /** A reference to a (saved) instance. */
    @SuppressWarnings("unchecked")
    public static <T extends Model> Ref<T> to(T instance) {
        Objects.requireNonNull(instance, "instance");
        return new Ref<>((ModelMeta<T>) instance.meta(), null, instance, null);
    }

    /** A reference by primary key; the row is loaded on first {@link #get()}. */
    public static <T extends Model> Ref<T> id(Class<T> type, Object id) {
        return new Ref<>(ModelMeta.of(type), Objects.requireNonNull(id, "id"), null, null);
    }

    static <T extends Model> Ref<T> internal(ModelMeta<T> meta, Object id, T value, Database db) {
        return new Ref<>(meta, id, value, db);
    }

    /** The related row's primary key. */
    public Object id() {
        if (value != null) {
            return value.pk().orElseThrow(() -> new IllegalStateException("db.E011: save() prohibited to prevent data loss "
                    + "due to unsaved related object " + meta.label() + "; save it first"));
        }
        return id;
    }

    /** Whether the row is already in memory. */
    public boolean isLoaded() {
        return value != null;
    }

    /** The related row, loaded from the database on first call. */
    public T get() {
        if (value == null) {
            Manager<T> m = Manager.of(meta);
            value = (db != null ? m.using(db) : m.all()).get("pk", id);
        }
        return value;
    }

    /** The related model. */
    public ModelMeta<T> meta() {
        return meta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ref<?> r && r.meta == meta && Objects.equals(r.id(), id());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id());
    }

    @Override
    public String toString() {
        return value != null ? value.toString() : meta.name() + "(pk=" + id + ")";
    }
}
