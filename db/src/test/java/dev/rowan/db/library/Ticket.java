package dev.rowan.db.library;

import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import java.lang.invoke.MethodHandles;

/** A test model with nothing but its generated key, like a sequence of numbers handed out. */
public final class Ticket extends Model {
    public static final ModelMeta<Ticket> META = ModelMeta.define(Ticket.class, Ticket::new, MethodHandles.lookup(), m -> m.app("library"));
    public static final Manager<Ticket> objects = Manager.of(META);

    public Long id;
}
