package dev.rowan.db.metamodel;

import dev.rowan.db.Fields;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Ref;
import java.lang.invoke.MethodHandles;

/** A model named like {@link dev.rowan.db.Path}: its metamodel must qualify one of the two. */
public final class Path extends Model {
    public static final ModelMeta<Path> META = ModelMeta.define(Path.class, Path::new, MethodHandles.lookup(),
            m -> m.app("metamodel")
                    .field("label", Fields.charField(50))
                    .field("shelf", Fields.foreignKey(Shelf.class, OnDelete.CASCADE).nullable().relatedName("paths")));

    public Long id;
    public String label;
    public Ref<Shelf> shelf;
}
