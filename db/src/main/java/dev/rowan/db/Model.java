package dev.rowan.db;

import dev.rowan.db.internal.Bridge;
import dev.rowan.db.internal.Engine;
import dev.rowan.db.internal.ModelState;
import dev.rowan.db.internal.Persister;
import dev.rowan.db.internal.Validation;
import java.util.Map;
import java.util.Optional;

/**
 * Base class of models: plain Java objects with public (or private) fields, described by a
 * {@link ModelMeta} constant and queried through a {@link Manager}. Instances are active records:
 * {@code save()}, {@code delete()}, {@code fullClean()}.
 *
 * <pre>{@code
 * Question q = new Question();
 * q.questionText = "What's new?";
 * q.pubDate = Instant.now();
 * q.save();
 * q.choices().create(c -> { c.choiceText = "Not much"; c.votes = 0; });
 * }</pre>
 */
public abstract class Model {
    private final ModelState state = new ModelState();

    static {
        installBridge();
    }

    /** Subclasses are plain classes with a no-argument constructor. */
    protected Model() {
    }

    /** The metadata of this instance's model. */
    public ModelMeta<?> meta() {
        return ModelMeta.of(getClass());
    }

    /** The primary key, empty until saved (for automatic keys). */
    public Optional<Object> pk() {
        return Optional.ofNullable(meta().pk().valueOf(this));
    }

    /** Inserts or updates this row in the database it came from (or the default database). */
    public void save() {
        Persister.save(this, engine(state.db));
    }

    /** Inserts or updates this row in {@code db}. */
    public void save(Database db) {
        Persister.save(this, engine(db));
    }

    /** Deletes this row, applying the declared on-delete rules of relations pointing at it. */
    public void delete() {
        Persister.delete(this, engine(state.db));
    }

    /** Reloads every field from the database. */
    public void refreshFromDb() {
        Persister.refresh(this, engine(state.db));
    }

    /**
     * Validates every field (nullability, blank, length, choices, validators), then uniqueness and
     * check constraints against the database; throws {@link ValidationError} with messages keyed by
     * field ({@link ValidationError#NON_FIELD} for multi-field uniqueness and checks).
     */
    public void fullClean() {
        Validation.fullClean(this, state.db == null && !Databases.installed().isPresent() ? null : engine(state.db));
    }

    /** A value computed by {@link QuerySet#annotate}. */
    public Optional<Object> annotation(String name) {
        return Optional.ofNullable(state.annotations.get(name));
    }

    /**
     * The rows of {@code model} whose foreign key {@code fkField} points at this instance, e.g.
     * {@code public RelatedManager<Choice> choices() { return reverse(Choice.class, "question"); }}.
     */
    protected final <R extends Model> RelatedManager<R> reverse(Class<R> model, String fkField) {
        return RelatedManager.reverse(this, ModelMeta.of(model), fkField);
    }

    /** The rows related through a many-to-many field declared on this model. */
    protected final <R extends Model> RelatedManager<R> many(String m2mField) {
        return RelatedManager.many(this, m2mField);
    }

    /** The rows of {@code model} whose many-to-many field {@code m2mField} contains this instance. */
    protected final <R extends Model> RelatedManager<R> reverseMany(Class<R> model, String m2mField) {
        return RelatedManager.reverseMany(this, ModelMeta.of(model), m2mField);
    }

    static Engine engine(Database db) {
        return (db != null ? db : Databases.current().defaultDatabase()).engine();
    }

    ModelState state() {
        return state;
    }

    static void installBridge() {
        Bridge.install(new Bridge.Access() {
            @Override
            public ModelState state(Model model) {
                return model.state;
            }

            @Override
            public Map<Object, Object> cache(ModelMeta<?> meta) {
                return meta.cache();
            }

            @Override
            public <T extends Model> Ref<T> ref(ModelMeta<T> meta, Object id, T value, Database db) {
                return Ref.internal(meta, id, value, db);
            }

            @Override
            public java.util.List<ModelMeta<?>> allModels() {
                return ModelMeta.all();
            }

            @Override
            public Model newRaw(ModelMeta<?> meta) {
                return meta.newRaw();
            }

            @Override
            public Engine engine(Database db) {
                return db.engine();
            }
        });
    }
}
