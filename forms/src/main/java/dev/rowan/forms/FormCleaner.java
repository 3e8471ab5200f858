package dev.rowan.forms;

/**
 * A form-level rule for a form made with {@link Form#of}: reads values, adds errors or throws
 * {@link ValidationException}. Runs after every field is valid.
 *
 * <pre>{@code
 * Form form = Form.of(PASSWORD, CONFIRM).cleanWith(f -> {
 *     if (!f.value(PASSWORD).equals(f.value(CONFIRM))) f.addError(CONFIRM, "The passwords differ.");
 * });
 * }</pre>
 */
@FunctionalInterface
public interface FormCleaner {
    void clean(Form form);
}
