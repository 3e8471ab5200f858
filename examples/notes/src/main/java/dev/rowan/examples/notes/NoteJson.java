package dev.rowan.examples.notes;

import dev.rowan.forms.SafeText;
import dev.rowan.forms.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a note from a decoded JSON object, strictly: a title must be a string, tags an array of strings, the
 * version a whole number. Every problem is collected by field, so a client learns all of them from one 400. Text
 * follows the same {@link SafeText} rules as the HTML form: a NUL is refused, bidi controls are removed.
 */
final class NoteJson {
    private static final Set<String> KNOWN = Set.of("title", "body", "tags", "version", "id", "createdAt", "updatedAt");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final Map<?, ?> json;

    private NoteJson(Map<?, ?> json) {
        this.json = json;
    }

    /** The result of reading a body: a draft and version when {@link #errors()} is empty. */
    record Read(NoteDraft draft, long version, Map<String, List<String>> errors) {
    }

    static Read read(Object body, boolean needsVersion) {
        if (!(body instanceof Map<?, ?> map)) {
            return new Read(null, 0, Map.of("", List.of("The body must be a JSON object such as "
                    + "{\"title\": \"Groceries\", \"body\": \"milk\", \"tags\": [\"home\"]}.")));
        }
        NoteJson reader = new NoteJson(map);
        reader.unknownFields();
        String title = reader.title();
        String text = reader.string("body", NoteRules.MAX_BODY).orElse("");
        List<String> tags = reader.tags();
        long version = needsVersion ? reader.version() : 0;
        return new Read(reader.errors.isEmpty() ? new NoteDraft(title, text, tags) : null, version, reader.errors);
    }

    private void unknownFields() {
        for (Object key : json.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                error(String.valueOf(key), "Unknown field; a note has " + new TreeSet<>(Set.of("title", "body", "tags", "version")) + ".");
            }
        }
    }

    private String title() {
        String title = string("title", NoteRules.MAX_TITLE).orElse("");
        if (title.isEmpty() && !errors.containsKey("title")) {
            error("title", "This field is required and may not be blank.");
        }
        return title;
    }

    private Optional<String> string(String field, int maxLength) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            error(field, "Must be a string, got " + kind(value) + ".");
            return Optional.empty();
        }
        String stripped;
        try {
            stripped = SafeText.clean(s).strip();
        } catch (ValidationException e) {
            e.messages().forEach(m -> error(field, m));
            return Optional.empty();
        }
        if (stripped.length() > maxLength) {
            error(field, "Must be at most " + maxLength + " characters, got " + stripped.length() + ".");
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    private List<String> tags() {
        Object value = json.get("tags");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            error("tags", "Must be an array of strings, got " + kind(value) + ".");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                error("tags", "Every tag must be a string, got " + kind(item) + ".");
                return List.of();
            }
            texts.add(s);
        }
        try {
            return NoteRules.normalizeTags(texts);
        } catch (ValidationException e) {
            e.messages().forEach(m -> error("tags", m));
            return List.of();
        }
    }

    private long version() {
        Object value = json.get("version");
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            if (v >= 1) {
                return v;
            }
        }
        error("version", value == null
                ? "Required: send the version you read, so a change made meanwhile is not overwritten by mistake."
                : "Must be a whole number from 1, got " + kind(value) + ".");
        return 0;
    }

    private void error(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof String) {
            return "a string";
        }
        return value instanceof List<?> ? "an array" : "an object";
    }
}
