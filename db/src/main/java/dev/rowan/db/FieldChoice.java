package dev.rowan.db;

/**
 * One allowed value of a field with choices, and its human label.
 *
 * <pre>{@code
 * Fields.charField(2).choices(FieldChoice.of("FR", "Freshman"), FieldChoice.of("SO", "Sophomore"))
 * }</pre>
 *
 * @param value the stored value
 * @param label the label shown by forms and the admin
 */
public record FieldChoice(Object value, String label) {
    /** A choice. */
    public static FieldChoice of(Object value, String label) {
        return new FieldChoice(value, label);
    }
}
