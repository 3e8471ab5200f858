package dev.rowan.forms;

/**
 * Cleans one field's value after it was converted and validated (Django's {@code clean_<field>}): returns the value to
 * keep, possibly changed, or throws {@link ValidationException}.
 *
 * <pre>{@code
 * Fields.text("tag").clean(tag -> tag.toLowerCase(Locale.ROOT));
 * }</pre>
 */
@FunctionalInterface
public interface FieldCleaner<T> {
    /** The cleaned value. */
    T clean(T value);
}
