package dev.rowan.db.metamodel;

import dev.rowan.db.Fields;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Ref;
import java.lang.invoke.MethodHandles;

/** A model with a nested model (metamodel {@code Shelf_Slot_}) and a self relation. */
public final class Shelf extends Model {
    public static final ModelMeta<Shelf> META = ModelMeta.define(Shelf.class, Shelf::new, MethodHandles.lookup(),
            m -> m.app("metamodel")
                    .field("name", Fields.charField(50))
                    .field("parent", Fields.foreignKey(Shelf.class, OnDelete.CASCADE).nullable().relatedName("children")));

    public Long id;
    public String name;
    public Ref<Shelf> parent;

    /** A nested model. */
    public static final class Slot extends Model {
        public static final ModelMeta<Slot> META = ModelMeta.define(Slot.class, Slot::new, MethodHandles.lookup(),
                m -> m.app("metamodel")
                        .field("shelf", Fields.foreignKey(Shelf.class, OnDelete.CASCADE).relatedName("slots"))
                        .field("position", Fields.smallInt()));

        public Long id;
        public Ref<Shelf> shelf;
        public Short position;
    }
}
