package dev.rowan.db.polls;

import dev.rowan.db.Path;
import dev.rowan.db.Ref;

/** Typed paths of {@link Choice}. */
public final class Choice_ {
    public static final Path<Choice, Long> id = Path.of("id");
    public static final Path<Choice, Ref<Question>> question = Path.of("question");
    public static final Path<Choice, String> choiceText = Path.of("choiceText");
    public static final Path<Choice, Integer> votes = Path.of("votes");

    private Choice_() {
    }
}
