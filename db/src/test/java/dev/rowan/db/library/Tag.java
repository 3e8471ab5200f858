package dev.rowan.db.library;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.RelatedManager;
import java.lang.invoke.MethodHandles;

public final class Tag extends Model {
    public static final ModelMeta<Tag> META = ModelMeta.define(Tag.class, Tag::new, MethodHandles.lookup(),
            m -> m.app("library").field("name", Fields.charField(50)));
    public static final Manager<Tag> objects = Manager.of(META);

    public Long id;
    public String name;

    public RelatedManager<Book> books() {
        return reverseMany(Book.class, "tags");
    }

    @Override
    public String toString() {
        return name;
    }
}
