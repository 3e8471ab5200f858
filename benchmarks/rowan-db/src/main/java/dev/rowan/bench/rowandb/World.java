package dev.rowan.bench.rowandb;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;

import java.lang.invoke.MethodHandles;

/** TechEmpower's World row as a Rowan model, mapped onto the schema of benchmarks/db/setup.sql. */
public final class World extends Model {
    public static final ModelMeta<World> META = ModelMeta.define(World.class, World::new, MethodHandles.lookup(),
            m -> m.app("bench").table("world")
                    .field("id", Fields.integer().primaryKey())
                    .field("randomNumber", Fields.integer().column("randomnumber")));
    public static final Manager<World> objects = Manager.of(META);

    public Integer id;
    public Integer randomNumber;
}
