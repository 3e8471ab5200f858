package dev.rowan.db.polls;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Ref;
import java.lang.invoke.MethodHandles;

/** The polls tutorial's choice. */
public final class Choice extends Model {
    public static final ModelMeta<Choice> META = ModelMeta.define(Choice.class, Choice::new, MethodHandles.lookup(),
            m -> m.app("polls")
                    .field("question", Fields.foreignKey(Question.class, OnDelete.CASCADE))
                    .field("choiceText", Fields.charField(200))
                    .field("votes", Fields.integer().defaultValue(0)));
    public static final Manager<Choice> objects = Manager.of(META);

    public Long id;
    public Ref<Question> question;
    public String choiceText;
    public Integer votes;

    @Override
    public String toString() {
        return choiceText;
    }
}
