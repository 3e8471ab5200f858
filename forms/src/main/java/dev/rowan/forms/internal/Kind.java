package dev.rowan.forms.internal;

/** How a field is shown: the HTML element and, for inputs, its type. */
public enum Kind {
    TEXT("text"), PASSWORD("password"), EMAIL("email"), URL("url"), NUMBER("number"), DATE("date"),
    DATETIME("datetime-local"), HIDDEN("hidden"), FILE("file"), TEXTAREA(""), CHECKBOX("checkbox"), SELECT(""),
    SELECT_MULTIPLE("");

    private final String inputType;

    Kind(String inputType) {
        this.inputType = inputType;
    }

    /** The {@code type} attribute of the {@code <input>}; empty for other elements. */
    public String inputType() {
        return inputType;
    }
}
