package dev.rowan.forms.internal;

import dev.rowan.core.UploadedFile;
import dev.rowan.forms.SafeText;
import dev.rowan.forms.ValidationException;

import java.util.List;

/** What the client sent for one field: its text values and, for file fields, its uploads. */
public record Raw(List<String> values, List<UploadedFile> files) {
    public static final Raw ABSENT = new Raw(List.of(), List.of());
    /** Stands for a JSON object sent where a value belongs; no real text equals it (it holds a NUL). */
    public static final String JSON_OBJECT = "\u0000object";

    /** No text other than whitespace and no file with a name: the field was left empty. */
    public boolean isEmpty() {
        return values.stream().allMatch(String::isBlank)
                && files.stream().allMatch(f -> f.filename().isEmpty() && f.size() == 0);
    }

    /** The first text value, stripped; "" when none. */
    public String first() {
        return values.isEmpty() ? "" : values.get(0).strip();
    }

    /**
     * The same input after {@link SafeText}'s rules: throws {@link ValidationException} for a NUL in any value,
     * removes bidi controls unless {@code keepBidiControls}.
     */
    public Raw safe(boolean keepBidiControls) {
        for (String value : values) {
            if (value.equals(JSON_OBJECT)) {
                throw new ValidationException("Send a single value here, not a JSON object.");
            }
            SafeText.requireNoNul(value);
        }
        return keepBidiControls ? this : new Raw(values.stream().map(SafeText::stripBidiControls).toList(), files);
    }
}
