package dev.rowan.examples.notes;

import dev.rowan.forms.Field;
import dev.rowan.forms.Fields;
import dev.rowan.forms.Form;
import dev.rowan.forms.Validators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML form for creating and editing a note: binds the request, validates with {@link NoteRules}, and maps to
 * and from the stored document. Editing carries the note's {@code version} in a hidden field.
 */
public final class NoteForm extends Form {
    static final Field<String> TITLE = Fields.text("title", Validators.maxLength(NoteRules.MAX_TITLE));
    static final Field<String> BODY = Fields.text("body", Validators.maxLength(NoteRules.MAX_BODY)).textarea()
            .attr("rows", "10").optional("");
    static final Field<String> TAGS = Fields.text("tags").optional("")
            .clean(text -> String.join(", ", NoteRules.parseTags(text)))
            .help("Separated by commas, e.g. work, ideas");
    static final Field<Integer> VERSION = Fields.integer("version", Validators.min(1)).hidden();

    private NoteForm(boolean withVersion) {
        super(withVersion ? List.of(TITLE, BODY, TAGS, VERSION) : List.of(TITLE, BODY, TAGS));
    }

    /** An empty form for a new note. */
    public static NoteForm create() {
        return new NoteForm(false);
    }

    /** A form showing {@code note}, for editing it. */
    public static NoteForm edit(Note note) {
        NoteForm form = new NoteForm(true);
        form.initial(Map.of("title", note.title(), "body", note.body(), "tags", note.tagsText(), "version", note.version()));
        return form;
    }

    /** A form for editing, bound to what the user sent. */
    public static NoteForm editing() {
        return new NoteForm(true);
    }

    /** The note the valid form describes. */
    public NoteDraft draft() {
        return new NoteDraft(value(TITLE), value(BODY), NoteRules.parseTags(value(TAGS)));
    }

    /** The version the user started editing from. */
    public long version() {
        return value(VERSION);
    }

    /**
     * The same form for another try after a conflicting edit: the user's text is kept, the hidden version becomes
     * {@code current}'s, so saving again deliberately replaces the other change.
     */
    public NoteForm retryAgainst(Note current, Map<String, List<String>> submitted) {
        Map<String, List<String>> values = new LinkedHashMap<>(submitted);
        values.put("version", List.of(String.valueOf(current.version())));
        NoteForm retry = editing();
        retry.bind(values);
        retry.addError("Someone else changed this note while you were editing it (it is now at version "
                + current.version() + "). Their text is shown below; yours is kept in the form. Save again to replace "
                + "theirs with yours.");
        return retry;
    }
}
