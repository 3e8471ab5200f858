package dev.rowan.db.library;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.RelatedManager;
import java.lang.invoke.MethodHandles;

/** A test model: the target of {@link Person}'s many-to-many through {@link Membership}. */
public final class Group extends Model {
    public static final ModelMeta<Group> META = ModelMeta.define(Group.class, Group::new, MethodHandles.lookup(),
            m -> m.app("library").field("name", Fields.charField(50)));
    public static final Manager<Group> objects = Manager.of(META);

    public Long id;
    public String name;

    public RelatedManager<Person> members() {
        return reverseMany(Person.class, "groups");
    }

    public static Group named(String name) {
        Group g = new Group();
        g.name = name;
        return g;
    }

    @Override
    public String toString() {
        return name;
    }
}
