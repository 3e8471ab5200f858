package dev.rowan.db;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ready-made {@link Validator}s.
 *
 * <pre>{@code
 * Fields.integer().validators(Validators.min(0), Validators.max(100))
 * }</pre>
 */
public final class Validators {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern URL = Pattern.compile("^(https?|ftp)://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLUG = Pattern.compile("^[-a-zA-Z0-9_]+$");

    private Validators() {
    }

    /** The number must be at least {@code min}. */
    public static Validator min(long min) {
        return v -> ((Number) v).doubleValue() < min ? Optional.of("Ensure this value is greater than or equal to " + min + ".") : Optional.empty();
    }

    /** The number must be at most {@code max}. */
    public static Validator max(long max) {
        return v -> ((Number) v).doubleValue() > max ? Optional.of("Ensure this value is less than or equal to " + max + ".") : Optional.empty();
    }

    /** The text must match {@code regex} (anywhere, use anchors for whole-value matches). */
    public static Validator regex(String regex, String message) {
        Pattern p = Pattern.compile(regex);
        return v -> p.matcher(v.toString()).find() ? Optional.empty() : Optional.of(message);
    }

    /** A syntactically plausible e-mail address. */
    public static Validator email() {
        return v -> EMAIL.matcher(v.toString()).matches() ? Optional.empty() : Optional.of("Enter a valid email address.");
    }

    /** An http(s) or ftp URL. */
    public static Validator url() {
        return v -> URL.matcher(v.toString()).matches() ? Optional.empty() : Optional.of("Enter a valid URL.");
    }

    /** Letters, digits, hyphens and underscores. */
    public static Validator slug() {
        return v -> SLUG.matcher(v.toString()).matches() ? Optional.empty()
                : Optional.of("Enter a valid \u201cslug\u201d consisting of letters, numbers, underscores or hyphens.");
    }
}
