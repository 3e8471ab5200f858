package dev.rowan.examples.notes;

import dev.rowan.forms.SafeText;
import dev.rowan.forms.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for a note, shared by the HTML form and the JSON API so both refuse the same input. */
public final class NoteRules {
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_SEARCH = 200;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,29}");

    private NoteRules() {
    }

    /** Tags from {@code "Work, ideas ,work"}: lower case, without repeats, in the order written. */
    public static List<String> parseTags(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return normalizeTags(parts);
    }

    /**
     * Each tag stripped and lower-cased, bidi controls removed; throws {@link ValidationException} naming a bad one
     * (a NUL included: {@link SafeText#clean}).
     */
    public static List<String> normalizeTags(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : tags) {
            String tag = SafeText.clean(raw).strip().toLowerCase(Locale.ROOT);
            if (!isTag(tag)) {
                String shown = tag.length() > 40 ? tag.substring(0, 40) + "…" : tag;
                throw new ValidationException("'" + shown + "' is not a usable tag: use letters, digits, '-' and '_', "
                        + "up to 30 characters, starting with a letter or digit.");
            }
            out.add(tag);
        }
        if (out.size() > MAX_TAGS) {
            throw new ValidationException("A note has at most " + MAX_TAGS + " tags, got " + out.size() + ".");
        }
        return List.copyOf(out);
    }

    public static boolean isTag(String tag) {
        return TAG.matcher(tag).matches();
    }
}
