package dev.rowan.bench.dbfaults;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;

import java.lang.invoke.MethodHandles;

/** One acknowledged write: the id the load driver chose, unique across the run. */
public final class Entry extends Model {
    public static final ModelMeta<Entry> META = ModelMeta.define(Entry.class, Entry::new, MethodHandles.lookup(),
            m -> m.app("faults").table("faults_entry")
                    .field("id", Fields.bigInt().primaryKey())
                    .field("worker", Fields.integer()));
    public static final Manager<Entry> objects = Manager.of(META);

    public Long id;
    public Integer worker;
}
