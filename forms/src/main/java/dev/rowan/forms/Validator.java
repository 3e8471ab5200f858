package dev.rowan.forms;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks a cleaned value and throws {@link ValidationException} when it is not acceptable. {@link Validators} has the
 * usual ones; {@link #of(Predicate, String)} makes a custom one.
 *
 * <pre>{@code
 * Validator<String> noSpaces = Validator.of(s -> !s.contains(" "), "Use no spaces.");
 * Field<String> USERNAME = Fields.text("username", Validators.maxLength(30), noSpaces);
 * }</pre>
 */
@FunctionalInterface
public interface Validator<T> {
    /** Throws {@link ValidationException} when {@code value} is not acceptable. */
    void validate(T value);

    /** HTML attributes that let the browser check the same rule early (e.g. {@code maxlength}); empty by default. */
    default Map<String, String> htmlAttributes() {
        return Map.of();
    }

    /** A validator that accepts values passing {@code test} and otherwise reports {@code message}. */
    static <T> Validator<T> of(Predicate<? super T> test, String message) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(message, "message");
        return value -> {
            if (!test.test(value)) {
                throw new ValidationException(message);
            }
        };
    }
}
