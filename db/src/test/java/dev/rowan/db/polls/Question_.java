package dev.rowan.db.polls;

import dev.rowan.db.Path;
import java.time.Instant;

/** Typed paths of {@link Question} (hand-written; matches what {@code Metamodel} generates). */
public final class Question_ {
    public static final Path<Question, Long> id = Path.of("id");
    public static final Path<Question, String> questionText = Path.of("questionText");
    public static final Path<Question, Instant> pubDate = Path.of("pubDate");

    private Question_() {
    }
}
