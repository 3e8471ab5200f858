package dev.rowan.db;

import java.util.Optional;

/**
 * Checks one field value during {@link Model#fullClean()}; returns a message when the value is bad.
 * Validators never see {@code null} (nullability is checked before them).
 *
 * <pre>{@code
 * Validator positive = v -> ((Integer) v) < 0 ? Optional.of("Must not be negative.") : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface Validator {
    /** The error message for a bad value, or empty when the value is fine. */
    Optional<String> validate(Object value);
}
