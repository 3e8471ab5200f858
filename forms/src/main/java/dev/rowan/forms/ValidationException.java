package dev.rowan.forms;

import java.util.List;

/**
 * Thrown by a {@link Validator} or a cleaner when a value is not acceptable; the message is shown to the user next to
 * the field (or at the top of the form, from a form-level clean).
 *
 * <pre>{@code
 * Fields.text("username").clean(name -> {
 *     if (name.equalsIgnoreCase("admin")) throw new ValidationException("This name is reserved.");
 *     return name.toLowerCase(Locale.ROOT);
 * });
 * }</pre>
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> messages;

    /** One message for the user. */
    public ValidationException(String message) {
        this(List.of(message));
    }

    /** Several messages for the user, shown in order. */
    public ValidationException(List<String> messages) {
        super(String.join(" ", messages), null, false, false);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A ValidationException needs at least one message");
        }
        this.messages = List.copyOf(messages);
    }

    /** The messages for the user. */
    public List<String> messages() {
        return messages;
    }
}
