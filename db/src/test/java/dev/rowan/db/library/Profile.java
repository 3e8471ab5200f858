package dev.rowan.db.library;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Ref;
import java.lang.invoke.MethodHandles;

/** One-to-one with RESTRICT: deleting the author directly is refused. */
public final class Profile extends Model {
    public static final ModelMeta<Profile> META = ModelMeta.define(Profile.class, Profile::new, MethodHandles.lookup(),
            m -> m.app("library")
                    .field("author", Fields.oneToOne(Author.class, OnDelete.RESTRICT).relatedName("profile"))
                    .field("bio", Fields.text().blank()));
    public static final Manager<Profile> objects = Manager.of(META);

    public Long id;
    public Ref<Author> author;
    public String bio;
}
