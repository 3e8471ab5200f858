package dev.rowan.db.polls;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.RelatedManager;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.time.Instant;

/** The polls tutorial's question. */
public final class Question extends Model {
    public static final ModelMeta<Question> META = ModelMeta.define(Question.class, Question::new, MethodHandles.lookup(),
            m -> m.app("polls")
                    .field("questionText", Fields.charField(200))
                    .field("pubDate", Fields.dateTime().verboseName("date published")));
    public static final Manager<Question> objects = Manager.of(META);

    public Long id;
    public String questionText;
    public Instant pubDate;

    /** The choices of this question (reverse of {@code Choice.question}). */
    public RelatedManager<Choice> choices() {
        return reverse(Choice.class, "question");
    }

    /** Whether it was published within the last day. */
    public boolean wasPublishedRecently() {
        Instant now = Instant.now();
        return !pubDate.isAfter(now) && pubDate.isAfter(now.minus(Duration.ofDays(1)));
    }

    @Override
    public String toString() {
        return questionText;
    }
}
