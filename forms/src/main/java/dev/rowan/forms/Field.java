package dev.rowan.forms;

import dev.rowan.forms.internal.Kind;
import dev.rowan.forms.internal.Raw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One form field and the typed key to its cleaned value. Immutable: every method returns a changed copy, so fields
 * are declared once as constants and shared by all requests. Made by {@link Fields}; required unless made
 * {@link #optional()}.
 *
 * <pre>{@code
 * static final Field<String> TITLE = Fields.text("title", Validators.maxLength(200)).label("Question");
 * static final Field<Optional<LocalDate>> DUE = Fields.date("due").optional();
 * ...
 * String title = form.value(TITLE);
 * }</pre>
 *
 * @param <T> the type of the cleaned value
 */
public final class Field<T> {
    private final String name;
    private final Optional<String> label;
    private final String help;
    private final Kind kind;
    private final Map<String, String> attributes;
    private final List<Choice> choices;
    private final boolean required;
    private final Function<Raw, T> whenPresent;
    private final Function<Raw, T> whenEmpty;
    private final Optional<T> initial;
    private final boolean keepsBidiControls;

    private Field(String name, Optional<String> label, String help, Kind kind, Map<String, String> attributes,
                  List<Choice> choices, boolean required, Function<Raw, T> whenPresent, Function<Raw, T> whenEmpty,
                  Optional<T> initial, boolean keepsBidiControls) {
        this.name = name;
        this.label = label;
        this.help = help;
        this.kind = kind;
        this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.choices = List.copyOf(choices);
        this.required = required;
        this.whenPresent = whenPresent;
        this.whenEmpty = whenEmpty;
        this.initial = initial;
        this.keepsBidiControls = keepsBidiControls;
    }

    /** A required field; {@code convert} turns non-empty input into a value or throws {@link ValidationException}. */
    static <T> Field<T> create(String name, Kind kind, Function<Raw, T> convert) {
        requireName(name);
        return new Field<>(name, Optional.empty(), "", kind, Map.of(), List.of(), true, convert, raw -> {
            throw new ValidationException("This field is required.");
        }, Optional.empty(), kind == Kind.PASSWORD); // a password is never shown, and must stay as typed
    }

    /** The name of the HTML input and of the key in bound data. */
    public String name() {
        return name;
    }

    /** The label; by default made from the name ({@code pub_date} gives "Pub date"). */
    public String label() {
        return label.orElseGet(() -> humanize(name));
    }

    /** Help text shown under the widget; empty when none. */
    public String help() {
        return help;
    }

    /** Whether an empty value is an error. */
    public boolean isRequired() {
        return required;
    }

    /** The options of a choice field, in order; empty for other fields. */
    public List<Choice> choices() {
        return choices;
    }

    /** A copy with another label. */
    public Field<T> label(String text) {
        return new Field<>(name, Optional.of(text), help, kind, attributes, choices, required, whenPresent,
                whenEmpty, initial, keepsBidiControls);
    }

    /** A copy with help text. */
    public Field<T> help(String text) {
        return new Field<>(name, label, Objects.requireNonNull(text, "text"), kind, attributes, choices, required,
                whenPresent, whenEmpty, initial, keepsBidiControls);
    }

    /** A copy whose unbound form shows {@code value}. */
    public Field<T> initial(T value) {
        return new Field<>(name, label, help, kind, attributes, choices, required, whenPresent, whenEmpty,
                Optional.of(value), keepsBidiControls);
    }

    /** A copy with an extra HTML attribute on the widget, e.g. {@code attr("placeholder", "you@example.com")}. */
    public Field<T> attr(String attribute, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(Objects.requireNonNull(attribute, "attribute"), Objects.requireNonNull(value, "value"));
        return new Field<>(name, label, help, kind, copy, choices, required, whenPresent, whenEmpty, initial,
                keepsBidiControls);
    }

    /** A copy that also runs {@code validator} on the converted value. */
    public Field<T> validate(Validator<? super T> validator) {
        Objects.requireNonNull(validator, "validator");
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.putAll(validator.htmlAttributes());
        Function<Raw, T> before = whenPresent;
        return new Field<>(name, label, help, kind, copy, choices, required, raw -> {
            T value = before.apply(raw);
            validator.validate(value);
            return value;
        }, whenEmpty, initial, keepsBidiControls);
    }

    /** A copy that passes the validated value through {@code cleaner} (Django's {@code clean_<field>}). */
    public Field<T> clean(FieldCleaner<T> cleaner) {
        Objects.requireNonNull(cleaner, "cleaner");
        Function<Raw, T> before = whenPresent;
        return new Field<>(name, label, help, kind, attributes, choices, required,
                raw -> Objects.requireNonNull(cleaner.clean(before.apply(raw)), "a cleaner returned null"),
                whenEmpty, initial, keepsBidiControls);
    }

    /**
     * A copy that keeps the bidi controls U+202A–U+202E and U+2066–U+2069 instead of removing them (see
     * {@link SafeText}), for text whose writer sets directions by hand; a NUL is still refused. Password fields keep
     * them already.
     */
    public Field<T> keepBidiControls() {
        return new Field<>(name, label, help, kind, attributes, choices, required, whenPresent, whenEmpty, initial,
                true);
    }

    /** A copy shown as a {@code <textarea>} (text fields). */
    public Field<T> textarea() {
        return withKind(Kind.TEXTAREA);
    }

    /** A copy shown as {@code <input type="hidden">}. */
    public Field<T> hidden() {
        return withKind(Kind.HIDDEN);
    }

    /** An optional field: empty input gives {@code Optional.empty()}, anything else is cleaned as before. */
    public Field<Optional<T>> optional() {
        Function<Raw, T> present = whenPresent;
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.remove("required");
        return new Field<>(name, label, help, kind, copy, choices, false, raw -> Optional.of(present.apply(raw)),
                raw -> Optional.empty(), initial.map(Optional::of), keepsBidiControls);
    }

    /** An optional field whose empty input gives {@code fallback}, e.g. {@code Fields.integer("page").optional(1)}. */
    public Field<T> optional(T fallback) {
        Objects.requireNonNull(fallback, "fallback");
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.remove("required");
        return new Field<>(name, label, help, kind, copy, choices, false, whenPresent, raw -> fallback, initial,
                keepsBidiControls);
    }

    // ---------------------------------------------------------------- for Form and the renderer

    /** Cleans what the client sent: converts, validates and runs cleaners; throws {@link ValidationException}. */
    T cleanRaw(Raw raw) {
        // Before the empty check: text of nothing but bidi controls is empty.
        Raw safe = raw.safe(keepsBidiControls);
        // A checkbox has no "empty": unticked is false, and validators such as Validators.checked must see it.
        return safe.isEmpty() && kind != Kind.CHECKBOX ? whenEmpty.apply(safe) : whenPresent.apply(safe);
    }

    Kind kind() {
        return kind;
    }

    Map<String, String> attributes() {
        return attributes;
    }

    Optional<T> initialValue() {
        return initial;
    }

    Field<T> withChoices(List<Choice> options) {
        return new Field<>(name, label, help, kind, attributes, options, required, whenPresent, whenEmpty, initial,
                keepsBidiControls);
    }

    /** A required field whose empty input means {@code emptyValue} (an unticked checkbox is {@code false}). */
    Field<T> emptyMeans(T emptyValue) {
        return new Field<>(name, label, help, kind, attributes, choices, false, whenPresent, raw -> emptyValue,
                initial, keepsBidiControls);
    }

    private Field<T> withKind(Kind newKind) {
        return new Field<>(name, label, help, newKind, attributes, choices, required, whenPresent, whenEmpty,
                initial, keepsBidiControls);
    }

    private static void requireName(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
            throw new IllegalArgumentException("forms.E002 '" + name + "' is not a usable field name: use letters, "
                    + "digits, '_', '-' and '.', starting with a letter or '_'.");
        }
    }

    static String humanize(String name) {
        String spaced = name.replace('_', ' ').replace('-', ' ').strip();
        return spaced.isEmpty() ? name : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }

    /** The names of several fields, for messages. */
    static List<String> names(List<Field<?>> fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.name()));
        return out;
    }

    @Override
    public String toString() {
        return "Field[" + name + "]";
    }
}
