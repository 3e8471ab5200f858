package dev.rowan.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a bound form: per field, and for the form as a whole (from a form-level clean).
 *
 * <pre>{@code
 * if (!form.isValid()) {
 *     ctx.status(400).json(form.errors().asMap());   // {"email": ["Enter a valid e-mail address."]}
 * }
 * }</pre>
 */
public final class FormErrors {
    /** The key of form-level errors in {@link #asMap()}. */
    public static final String FORM_KEY = "_form";

    private final Map<String, List<String>> fields;
    private final List<String> form;

    FormErrors(Map<String, List<String>> fields, List<String> form) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.fields = java.util.Collections.unmodifiableMap(copy);
        this.form = List.copyOf(form);
    }

    /** Messages per field name, in field order; only fields with errors appear. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** The messages of one field; empty when it has none. */
    public List<String> of(Field<?> field) {
        return fields.getOrDefault(field.name(), List.of());
    }

    /** Form-level messages (not tied to one field). */
    public List<String> form() {
        return form;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && form.isEmpty();
    }

    /** Everything as one map for JSON APIs; form-level messages under {@value #FORM_KEY}. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!form.isEmpty()) {
            out.put(FORM_KEY, form);
        }
        out.putAll(fields);
        return java.util.Collections.unmodifiableMap(out);
    }

    /** All messages, form-level first. */
    public List<String> all() {
        List<String> out = new ArrayList<>(form);
        fields.values().forEach(out::addAll);
        return out;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
