package dev.rowan.examples.csv2xlsx;

import java.util.Arrays;
import java.util.Optional;

/** The delimiter choices of the upload form; {@code auto} lets the converter detect it. */
public enum Delimiter {
    AUTO("auto", "Detect automatically", Optional.empty()),
    COMMA("comma", "Comma ( , )", Optional.of(',')),
    SEMICOLON("semicolon", "Semicolon ( ; )", Optional.of(';')),
    TAB("tab", "Tab", Optional.of('\t')),
    PIPE("pipe", "Pipe ( | )", Optional.of('|'));

    private final String value;
    private final String label;
    private final Optional<Character> character;

    Delimiter(String value, String label, Optional<Character> character) {
        this.value = value;
        this.label = label;
        this.character = character;
    }

    /** The form value, e.g. {@code semicolon}. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** The character, or empty for detection. */
    public Optional<Character> character() {
        return character;
    }

    /** The choice for a form value; empty for anything the form does not offer. */
    public static Optional<Delimiter> of(String formValue) {
        return Arrays.stream(values()).filter(d -> d.value.equals(formValue)).findFirst();
    }
}
