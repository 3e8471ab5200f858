package dev.rowan.examples.notes;

import java.util.List;

/** What a user writes: validated by {@link NoteRules}, from the HTML form or the JSON API. */
public record NoteDraft(String title, String body, List<String> tags) {
    public NoteDraft {
        tags = List.copyOf(tags);
    }
}
