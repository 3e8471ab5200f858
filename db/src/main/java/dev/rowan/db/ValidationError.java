package dev.rowan.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model validation failed. {@link #errors()} maps a field name (or {@link #NON_FIELD} for errors
 * that belong to the whole object) to its messages, so forms and the admin can show them in place.
 *
 * <pre>{@code
 * try { question.fullClean(); } catch (ValidationError e) { e.errors().get("questionText"); }
 * }</pre>
 */
public final class ValidationError extends RuntimeException {
    /** The key under which errors that concern several fields are reported. */
    public static final String NON_FIELD = "__all__";

    private final Map<String, List<String>> errors;

    private ValidationError(Map<String, List<String>> errors) {
        super(describe(errors));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.errors = Collections.unmodifiableMap(copy);
    }

    /** An error for one field. */
    public static ValidationError of(String field, String message) {
        return new ValidationError(Map.of(field, List.of(message)));
    }

    /** An error with messages keyed by field. */
    public static ValidationError of(Map<String, List<String>> errors) {
        return new ValidationError(errors);
    }

    /** Messages keyed by field name, in field order. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    private static String describe(Map<String, List<String>> errors) {
        StringBuilder sb = new StringBuilder();
        errors.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append(": ").append(String.join(" ", v)));
        return sb.toString();
    }
}
