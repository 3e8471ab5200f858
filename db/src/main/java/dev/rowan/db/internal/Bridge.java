package dev.rowan.db.internal;

import dev.rowan.db.Database;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.Ref;
import java.util.Map;

/**
 * Lets the engine reach package-private state of API classes without making it public API.
 * The API package installs the implementation when {@link Model} is initialised.
 */
public final class Bridge {
    private static volatile Access access;

    private Bridge() {
    }

    /** What the engine needs from the API package. */
    public interface Access {
        /** Per-instance ORM state. */
        ModelState state(Model model);

        /** Per-model cache for compiled SQL and row mappers. */
        Map<Object, Object> cache(ModelMeta<?> meta);

        /** A reference to a row, loaded or not, bound to a database for lazy loading. */
        <T extends Model> Ref<T> ref(ModelMeta<T> meta, Object id, T value, Database db);

        /** Every model defined so far (concrete ones, in definition order). */
        java.util.List<ModelMeta<?>> allModels();

        /** A bare instance for hydration: no defaults applied. */
        Model newRaw(ModelMeta<?> meta);

        /** The engine behind a public database handle. */
        Engine engine(Database db);
    }

    /** Installs the implementation (once). */
    public static void install(Access a) {
        if (access == null) {
            access = a;
        }
    }

    /** The installed implementation. */
    public static Access access() {
        Access a = access;
        if (a == null) {
            try {
                Class.forName(Model.class.getName(), true, Model.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }
}
