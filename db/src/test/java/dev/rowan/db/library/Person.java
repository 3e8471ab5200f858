package dev.rowan.db.library;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.RelatedManager;
import java.lang.invoke.MethodHandles;

/** A test model whose many-to-many to {@link Group} goes through the explicit {@link Membership} model. */
public final class Person extends Model {
    public static final ModelMeta<Person> META = ModelMeta.define(Person.class, Person::new, MethodHandles.lookup(),
            m -> m.app("library")
                    .field("name", Fields.charField(50))
                    .field("groups", Fields.manyToMany(Group.class).through(Membership.class).relatedName("members")));
    public static final Manager<Person> objects = Manager.of(META);

    public Long id;
    public String name;

    public RelatedManager<Group> groups() {
        return many("groups");
    }

    public static Person named(String name) {
        Person p = new Person();
        p.name = name;
        return p;
    }

    @Override
    public String toString() {
        return name;
    }
}
