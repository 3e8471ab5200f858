package dev.rowan.bench.orm;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import java.lang.invoke.MethodHandles;
import java.time.Instant;

/** The benchmark row: the common column types of a web app's table. */
public final class Person extends Model {
    public static final ModelMeta<Person> META = ModelMeta.define(Person.class, Person::new, MethodHandles.lookup(),
            m -> m.app("bench")
                    .field("name", Fields.charField(100))
                    .field("email", Fields.charField(200))
                    .field("age", Fields.integer())
                    .field("score", Fields.doubleField())
                    .field("active", Fields.bool())
                    .field("joined", Fields.dateTime()));
    public static final Manager<Person> objects = Manager.of(META);

    public Long id;
    public String name;
    public String email;
    public Integer age;
    public Double score;
    public Boolean active;
    public Instant joined;
}
