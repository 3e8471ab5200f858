package dev.rowan.db.schema;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import java.lang.invoke.MethodHandles;

/** A table the schema editor tests change. */
public final class Item extends Model {
    public static final ModelMeta<Item> META = ModelMeta.define(Item.class, Item::new, MethodHandles.lookup(),
            m -> m.app("schema").field("name", Fields.charField(30)).field("qty", Fields.integer().nullable()));
    public static final Manager<Item> objects = Manager.of(META);

    public Long id;
    public String name;
    public Integer qty;
}
