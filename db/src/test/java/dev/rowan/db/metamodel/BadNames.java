package dev.rowan.db.metamodel;

import dev.rowan.db.Fields;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Ref;
import java.lang.invoke.MethodHandles;

/** Models whose reverse relations cannot become metamodel constants on {@link Shelf}. */
public final class BadNames {
    private BadNames() {
    }

    /** Its reverse name on Shelf has a space. */
    public static final class Spaced extends Model {
        public static final ModelMeta<Spaced> META = ModelMeta.define(Spaced.class, Spaced::new, MethodHandles.lookup(),
                m -> m.app("metamodel").field("shelf", Fields.foreignKey(Shelf.class, OnDelete.CASCADE).relatedName("spaced out")));

        public Long id;
        public Ref<Shelf> shelf;
    }

    /** Its reverse name on Shelf is also a field of Shelf. */
    public static final class Clashing extends Model {
        public static final ModelMeta<Clashing> META = ModelMeta.define(Clashing.class, Clashing::new, MethodHandles.lookup(),
                m -> m.app("metamodel").field("shelf", Fields.foreignKey(Shelf.class, OnDelete.CASCADE).relatedName("name")));

        public Long id;
        public Ref<Shelf> shelf;
    }
}
