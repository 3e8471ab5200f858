package dev.rowan.forms;

import dev.rowan.core.UploadedFile;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The common validators. Each also tells the browser the rule where HTML can express it ({@code maxlength},
 * {@code min}, ...), but the server always checks.
 *
 * <pre>{@code
 * import static dev.rowan.forms.Validators.*;
 * static final Field<String> TITLE = Fields.text("title", minLength(3), maxLength(200));
 * static final Field<Integer> VOTES = Fields.integer("votes", min(0), max(1000));
 * static final Field<String> CODE = Fields.text("code", pattern("[A-Z]{3}-\\d{4}", "Use the form ABC-1234."));
 * }</pre>
 */
public final class Validators {
    private Validators() {
    }

    /** At least {@code n} characters. */
    public static Validator<CharSequence> minLength(int n) {
        return withAttributes(v -> {
            if (v.length() < n) {
                throw new ValidationException("Use at least " + n + " characters (it has " + v.length() + ").");
            }
        }, Map.of("minlength", String.valueOf(n)));
    }

    /** At most {@code n} characters. */
    public static Validator<CharSequence> maxLength(int n) {
        return withAttributes(v -> {
            if (v.length() > n) {
                throw new ValidationException("Use at most " + n + " characters (it has " + v.length() + ").");
            }
        }, Map.of("maxlength", String.valueOf(n)));
    }

    /** At least {@code min}. */
    public static Validator<Number> min(long min) {
        return min(BigDecimal.valueOf(min));
    }

    /** At most {@code max}. */
    public static Validator<Number> max(long max) {
        return max(BigDecimal.valueOf(max));
    }

    /** At least {@code min}. */
    public static Validator<Number> min(BigDecimal min) {
        Objects.requireNonNull(min, "min");
        return withAttributes(v -> {
            if (decimal(v).compareTo(min) < 0) {
                throw new ValidationException("Enter a value of at least " + min.toPlainString() + ".");
            }
        }, Map.of("min", min.toPlainString()));
    }

    /** At most {@code max}. */
    public static Validator<Number> max(BigDecimal max) {
        Objects.requireNonNull(max, "max");
        return withAttributes(v -> {
            if (decimal(v).compareTo(max) > 0) {
                throw new ValidationException("Enter a value of at most " + max.toPlainString() + ".");
            }
        }, Map.of("max", max.toPlainString()));
    }

    /** At most {@code places} digits after the decimal point. */
    public static Validator<Number> decimalPlaces(int places) {
        String step = places == 0 ? "1" : BigDecimal.ONE.movePointLeft(places).toPlainString();
        return withAttributes(v -> {
            if (Math.max(0, decimal(v).stripTrailingZeros().scale()) > places) {
                throw new ValidationException("Use at most " + places + " digits after the decimal point.");
            }
        }, Map.of("step", step));
    }

    /** The whole value matches {@code regex}; {@code message} says what is expected. */
    public static Validator<CharSequence> pattern(String regex, String message) {
        Pattern compiled = Pattern.compile(regex);
        Objects.requireNonNull(message, "message");
        return withAttributes(v -> {
            if (!compiled.matcher(v).matches()) {
                throw new ValidationException(message);
            }
        }, Map.of("pattern", regex));
    }

    /** For a checkbox that must be ticked, such as "I accept the terms". */
    public static Validator<Boolean> checked(String message) {
        return withAttributes(v -> {
            if (!v) {
                throw new ValidationException(message);
            }
        }, Map.of("required", ""));
    }

    /** An upload of at most {@code bytes} bytes. */
    public static Validator<UploadedFile> maxFileSize(long bytes) {
        return v -> {
            if (v.size() > bytes) {
                throw new ValidationException("The file is too large: " + v.size() + " bytes; the limit is " + bytes + ".");
            }
        };
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    private static <T> Validator<T> withAttributes(Consumer<T> check, Map<String, String> attributes) {
        return new Validator<>() {
            @Override
            public void validate(T value) {
                check.accept(value);
            }

            @Override
            public Map<String, String> htmlAttributes() {
                return attributes;
            }
        };
    }
}
