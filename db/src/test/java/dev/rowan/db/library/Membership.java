package dev.rowan.db.library;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Ref;
import java.lang.invoke.MethodHandles;

/** A test model: the explicit through model of {@link Person}'s groups, with an extra field. */
public final class Membership extends Model {
    public static final ModelMeta<Membership> META = ModelMeta.define(Membership.class, Membership::new,
            MethodHandles.lookup(), m -> m.app("library")
                    .field("person", Fields.foreignKey(Person.class, OnDelete.CASCADE).relatedName("memberships"))
                    .field("group", Fields.foreignKey(Group.class, OnDelete.CASCADE).relatedName("memberships"))
                    .field("role", Fields.charField(20)));
    public static final Manager<Membership> objects = Manager.of(META);

    public Long id;
    public Ref<Person> person;
    public Ref<Group> group;
    public String role;

    public static Membership of(Person person, Group group, String role) {
        Membership ms = new Membership();
        ms.person = Ref.to(person);
        ms.group = Ref.to(group);
        ms.role = role;
        return ms;
    }
}
