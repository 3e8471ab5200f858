package dev.rowan.db.web;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import java.lang.invoke.MethodHandles;

/** A model whose own table and column names are longer than any database allows (for db.E032). */
public final class LongNames extends Model {
    static final String TABLE = "t".repeat(130);
    static final String COLUMN = "c".repeat(200);
    public static final ModelMeta<LongNames> META = ModelMeta.define(LongNames.class, LongNames::new, MethodHandles.lookup(),
            m -> m.app("web").table(TABLE).field("text", Fields.charField(10).column(COLUMN)));
    public static final Manager<LongNames> objects = Manager.of(META);

    public Long id;
    public String text;
}
