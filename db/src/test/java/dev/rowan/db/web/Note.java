package dev.rowan.db.web;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import java.lang.invoke.MethodHandles;

public final class Note extends Model {
    public static final ModelMeta<Note> META = ModelMeta.define(Note.class, Note::new, MethodHandles.lookup(),
            m -> m.app("web").field("text", Fields.charField(100)));
    public static final Manager<Note> objects = Manager.of(META);

    public Long id;
    public String text;

    static Note of(String text) {
        Note n = new Note();
        n.text = text;
        return n;
    }
}
