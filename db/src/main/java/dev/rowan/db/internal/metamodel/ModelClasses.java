package dev.rowan.db.internal.metamodel;

import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;

/** Turns class names given on a command line into model metadata. */
public final class ModelClasses {
    private ModelClasses() {
    }

    /** The metadata declared by the model class {@code className} (initialising the class). */
    public static ModelMeta<?> load(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("db.E201: no class '" + className + "' on the class path; pass the "
                    + "fully qualified name of a model class, e.g. com.example.polls.Question, and run with the "
                    + "application's compiled classes on the class path", e);
        }
        if (!Model.class.isAssignableFrom(type) || type == Model.class) {
            throw new IllegalArgumentException("db.E202: " + className + " is not a model class (it does not extend "
                    + Model.class.getName() + ")");
        }
        return ModelMeta.of(type.asSubclass(Model.class));
    }
}
