package dev.rowan.forms;

import java.util.Objects;

/**
 * One option of a choice field: the value sent by the browser and the label shown.
 *
 * <pre>{@code
 * Fields.choice("size", Choice.of("s", "Small"), Choice.of("l", "Large"));
 * }</pre>
 */
public record Choice(String value, String label) {
    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }

    /** An option with a value and a label. */
    public static Choice of(String value, String label) {
        return new Choice(value, label);
    }
}
