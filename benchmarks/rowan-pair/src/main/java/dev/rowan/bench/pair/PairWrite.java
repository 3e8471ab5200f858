package dev.rowan.bench.pair;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;

import java.lang.invoke.MethodHandles;

/**
 * One acknowledged write: the id the client chose (so a retried POST finds its row instead of
 * writing a second one) and the instance that stored it. The table is made by two-instances.sh.
 */
public final class PairWrite extends Model {
    public static final ModelMeta<PairWrite> META = ModelMeta.define(PairWrite.class, PairWrite::new, MethodHandles.lookup(),
            m -> m.app("pair").table("pair_write")
                    .field("id", Fields.bigInt().primaryKey())
                    .field("instance", Fields.charField(16)));
    public static final Manager<PairWrite> objects = Manager.of(META);

    public Long id;
    public String instance;
}
