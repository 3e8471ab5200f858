package dev.rowan.bench.rowandb;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;

import java.lang.invoke.MethodHandles;

/** TechEmpower's Fortune row as a Rowan model, mapped onto the schema of benchmarks/db/setup.sql. */
public final class Fortune extends Model {
    public static final ModelMeta<Fortune> META = ModelMeta.define(Fortune.class, Fortune::new, MethodHandles.lookup(),
            m -> m.app("bench").table("fortune")
                    .field("id", Fields.integer().primaryKey())
                    .field("message", Fields.charField(2048)));
    public static final Manager<Fortune> objects = Manager.of(META);

    public Integer id;
    public String message;

    static Fortune of(int id, String message) {
        Fortune f = new Fortune();
        f.id = id;
        f.message = message;
        return f;
    }
}
