package dev.rowan.forms.internal;

import dev.rowan.core.UploadedFile;

import java.util.List;

/** What the client sent for one field: its text values and, for file fields, its uploads. */
public record Raw(List<String> values, List<UploadedFile> files) {
    public static final Raw ABSENT = new Raw(List.of(), List.of());

    /** No text other than whitespace and no file with a name: the field was left empty. */
    public boolean isEmpty() {
        return values.stream().allMatch(String::isBlank)
                && files.stream().allMatch(f -> f.filename().isEmpty() && f.size() == 0);
    }

    /** The first text value, stripped; "" when none. */
    public String first() {
        return values.isEmpty() ? "" : values.get(0).strip();
    }
}
