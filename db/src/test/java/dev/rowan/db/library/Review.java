package dev.rowan.db.library;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Ref;
import java.lang.invoke.MethodHandles;

/** Protects its book from deletion. */
public final class Review extends Model {
    public static final ModelMeta<Review> META = ModelMeta.define(Review.class, Review::new, MethodHandles.lookup(),
            m -> m.app("library")
                    .field("book", Fields.foreignKey(Book.class, OnDelete.PROTECT).relatedName("reviews"))
                    .field("text", Fields.text()));
    public static final Manager<Review> objects = Manager.of(META);

    public Long id;
    public Ref<Book> book;
    public String text;
}
