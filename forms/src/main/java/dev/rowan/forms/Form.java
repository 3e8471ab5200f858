package dev.rowan.forms;

import dev.rowan.core.Context;
import dev.rowan.core.TrustedHtml;
import dev.rowan.core.UploadedFile;
import dev.rowan.forms.internal.Raw;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form: declared fields, bound to what a client sent, validated into typed values, and rendered as HTML.
 *
 * <pre>{@code
 * public final class ContactForm extends Form {
 *     public static final Field<String> NAME = Fields.text("name", Validators.maxLength(100));
 *     public static final Field<String> EMAIL = Fields.email("email");
 *     public static final Field<String> MESSAGE = Fields.text("message").textarea();
 *
 *     public ContactForm() {
 *         super(NAME, EMAIL, MESSAGE);
 *     }
 *
 *     @Override
 *     protected void clean() {                       // form-level rules, after every field is valid
 *         if (value(MESSAGE).contains(value(NAME))) addError("Please don't sign the message.");
 *     }
 * }
 *
 * app.post("/contact", ctx -> {
 *     ContactForm form = new ContactForm();
 *     if (form.bind(ctx).isValid()) {
 *         send(form.value(EMAIL), form.value(MESSAGE));
 *         ctx.redirect("/thanks");
 *     } else {
 *         ctx.status(400).render("contact.html", Map.of("form", form));
 *     }
 * });
 * }</pre>
 *
 * <p>In a template {@code {{ form }}} renders every field; {@code form.fields.name.label}, {@code .widget} and
 * {@code .errors} lay it out by hand. A form instance belongs to one request; fields are shared constants.
 */
public class Form implements TrustedHtml {
    private final List<Field<?>> fields;
    private final Map<String, Object> initial = new LinkedHashMap<>();
    private Optional<FormCleaner> cleaner = Optional.empty();
    private Map<String, Raw> data;
    private Map<String, Object> cleaned;
    private Map<String, List<String>> fieldErrors;
    private List<String> formErrors;

    /** For subclasses: the form's fields, in display order. */
    protected Form(Field<?>... fields) {
        this(List.of(fields));
    }

    /** For subclasses: the form's fields, in display order. */
    protected Form(List<Field<?>> fields) {
        Map<String, Field<?>> byName = new LinkedHashMap<>();
        for (Field<?> f : fields) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("forms.E003 Two fields are named '" + f.name() + "'; names must be unique.");
            }
        }
        this.fields = List.copyOf(fields);
    }

    /** A form of {@code fields} without a subclass. */
    public static Form of(Field<?>... fields) {
        return new Form(fields);
    }

    /** A form of {@code fields} without a subclass. */
    public static Form of(List<Field<?>> fields) {
        return new Form(fields);
    }

    // ---------------------------------------------------------------- setup

    /** Shows {@code value} for {@code field} while the form is unbound. */
    public <T> Form initial(Field<T> field, T value) {
        initial.put(known(field).name(), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Initial values by field name (e.g. from an object being edited); unknown names are ignored. */
    public Form initial(Map<String, ?> values) {
        values.forEach((k, v) -> {
            if (v != null && fields.stream().anyMatch(f -> f.name().equals(k))) {
                initial.put(k, v);
            }
        });
        return this;
    }

    /** A form-level rule for forms made with {@link #of}; subclasses override {@link #clean()} instead. */
    public Form cleanWith(FormCleaner formCleaner) {
        this.cleaner = Optional.of(formCleaner);
        return this;
    }

    // ---------------------------------------------------------------- binding

    /**
     * Binds the request body: URL-encoded or multipart form data (with files), or a JSON object when the request's
     * content type is {@code application/json}. Query parameters are not read; use {@link #bindQuery}.
     */
    public Form bind(Context ctx) {
        if (ctx.contentType().filter(t -> t.equals("application/json")).isPresent()) {
            Map<?, ?> json = ctx.bodyAs(Map.class);
            Map<String, Object> copy = new LinkedHashMap<>();
            json.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return bindJson(copy);
        }
        Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
        for (Field<?> f : fields) {
            List<UploadedFile> uploads = ctx.files(f.name());
            if (!uploads.isEmpty()) {
                files.put(f.name(), uploads);
            }
        }
        return bind(ctx.formParams(), files);
    }

    /** Binds the query string, for GET forms such as a search box. */
    public Form bindQuery(Context ctx) {
        return bind(ctx.queryParams());
    }

    /** Binds text values by field name. */
    public Form bind(Map<String, List<String>> values) {
        return bind(values, Map.of());
    }

    /** Binds text values and uploaded files by field name. */
    public Form bind(Map<String, List<String>> values, Map<String, List<UploadedFile>> files) {
        Map<String, Raw> raw = new LinkedHashMap<>();
        for (Field<?> f : fields) {
            raw.put(f.name(), new Raw(values.getOrDefault(f.name(), List.of()), files.getOrDefault(f.name(), List.of())));
        }
        this.data = raw;
        this.cleaned = null;
        return this;
    }

    /**
     * Binds a decoded JSON object: strings, numbers and booleans are taken as their text, arrays as several values,
     * {@code null} as absent.
     */
    public Form bindJson(Map<String, ?> json) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            List<String> texts = jsonTexts(value);
            if (!texts.isEmpty()) {
                values.put(name, texts);
            }
        });
        return bind(values);
    }

    private static List<String> jsonTexts(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            List<String> out = new ArrayList<>();
            many.forEach(v -> out.addAll(jsonTexts(v)));
            return out;
        }
        if (value instanceof Map<?, ?>) {
            return List.of(Raw.JSON_OBJECT); // an object where a value belongs: the field rejects it
        }
        if (value instanceof BigDecimal d) {
            return List.of(d.toPlainString());
        }
        return List.of(String.valueOf(value));
    }

    // ---------------------------------------------------------------- validation

    public boolean isBound() {
        return data != null;
    }

    /** Whether the form is bound and every field (and the form-level clean) accepted the data. */
    public boolean isValid() {
        return isBound() && errors().isEmpty();
    }

    /** The errors; empty for an unbound form. Validates on first use. */
    public FormErrors errors() {
        if (!isBound()) {
            return new FormErrors(Map.of(), List.of());
        }
        fullClean();
        return new FormErrors(fieldErrors, formErrors);
    }

    /**
     * The cleaned value of {@code field}. Available once {@link #isValid()} is true, and inside {@link #clean()}.
     *
     * @throws IllegalStateException when the form is unbound or the field has no valid value
     */
    public <T> T value(Field<T> field) {
        return find(field).orElseThrow(() -> new IllegalStateException("forms.E001 The field '" + field.name()
                + "' has no cleaned value: " + (isBound() ? "it is not valid. Check form.isValid() first."
                : "the form is not bound. Call form.bind(ctx) and check form.isValid() first.")));
    }

    /** The cleaned value of {@code field} when the form is bound and that field is valid. */
    public <T> Optional<T> find(Field<T> field) {
        known(field);
        if (!isBound()) {
            return Optional.empty();
        }
        fullClean();
        @SuppressWarnings("unchecked") // the value was produced by this very field, whose type is T
        T value = (T) cleaned.get(field.name());
        return Optional.ofNullable(value);
    }

    /** The cleaned values of the valid fields by name; empty when unbound. */
    public Map<String, Object> cleanedData() {
        if (!isBound()) {
            return Map.of();
        }
        fullClean();
        return Collections.unmodifiableMap(cleaned);
    }

    /** Adds an error to {@code field} (e.g. "this name is taken", found after validation); the form becomes invalid. */
    public Form addError(Field<?> field, String message) {
        requireBound();
        fullClean();
        fieldErrors.computeIfAbsent(known(field).name(), k -> new ArrayList<>()).add(message);
        cleaned.remove(field.name());
        return this;
    }

    /** Adds a form-level error; the form becomes invalid. */
    public Form addError(String message) {
        requireBound();
        fullClean();
        formErrors.add(message);
        return this;
    }

    /**
     * Form-level rules across fields, run after every field is valid; call {@link #value} and
     * {@link #addError(String)}, or throw {@link ValidationException}. Does nothing by default.
     */
    protected void clean() {
        cleaner.ifPresent(c -> c.clean(this));
    }

    private void fullClean() {
        if (cleaned != null) {
            return;
        }
        cleaned = new LinkedHashMap<>();
        fieldErrors = new LinkedHashMap<>();
        formErrors = new ArrayList<>();
        for (Field<?> f : fields) {
            try {
                cleaned.put(f.name(), f.cleanRaw(data.get(f.name())));
            } catch (ValidationException e) {
                fieldErrors.put(f.name(), new ArrayList<>(e.messages()));
            }
        }
        if (fieldErrors.isEmpty()) {
            try {
                clean();
            } catch (ValidationException e) {
                formErrors.addAll(e.messages());
            }
        }
    }

    // ---------------------------------------------------------------- rendering

    /** Every field by name, in order, for templates: {@code form.fields.title.widget}. */
    public Map<String, BoundField> fields() {
        Map<String, BoundField> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.name(), new BoundField(this, f)));
        return Collections.unmodifiableMap(out);
    }

    /** One field, ready to render. */
    public BoundField field(Field<?> field) {
        return new BoundField(this, known(field));
    }

    /** The form-level errors as {@code <ul class="errorlist nonfield">}, or nothing. */
    public TrustedHtml formErrors() {
        return TrustedHtml.of(FormHtml.errors(errors().form(), "id_form_errors", "errorlist nonfield"));
    }

    /** The form-level errors, then every field's row. Put it inside your own {@code <form>} with a CSRF input. */
    @Override
    public String html() {
        StringBuilder sb = new StringBuilder(formErrors().html());
        fields().values().forEach(b -> sb.append(b.html()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return html();
    }

    /** What a widget shows: the submitted text when bound, else the initial value as text. */
    List<String> displayValues(Field<?> field) {
        if (isBound()) {
            return data.get(field.name()).values();
        }
        Object value = initial.containsKey(field.name()) ? initial.get(field.name()) : field.initialValue().orElse(null);
        return display(value);
    }

    private static List<String> display(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Optional<?> o) {
            return display(o.orElse(null));
        }
        if (value instanceof Collection<?> many) {
            List<String> out = new ArrayList<>();
            many.forEach(v -> out.addAll(display(v)));
            return out;
        }
        if (value instanceof BigDecimal d) {
            return List.of(d.toPlainString());
        }
        if (value instanceof Enum<?> e) {
            return List.of(e.name());
        }
        if (value instanceof LocalDateTime t) {
            // datetime-local shows minutes unless seconds matter
            return List.of((t.get(ChronoField.SECOND_OF_MINUTE) == 0 && t.getNano() == 0 ? t.withNano(0) : t)
                    .toString());
        }
        if (value instanceof UploadedFile) {
            return List.of();
        }
        return List.of(String.valueOf(value));
    }

    private <F extends Field<?>> F known(F field) {
        if (!fields.contains(field)) {
            throw new IllegalArgumentException("forms.E004 " + field + " is not a field of this form; its fields are "
                    + Field.names(fields) + ".");
        }
        return field;
    }

    private void requireBound() {
        if (!isBound()) {
            throw new IllegalStateException("forms.E005 Bind the form (form.bind(ctx)) before adding errors to it.");
        }
    }
}
