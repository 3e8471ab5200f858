package dev.rowan.forms;

import dev.rowan.core.TrustedHtml;

import java.util.List;

/**
 * A field of one form instance, ready to render: its label, widget and errors as escaped markup. Templates lay a form
 * out by hand with it:
 *
 * <pre>{@code
 * <p>{{ form.fields.title.label }} {{ form.fields.title.widget }}</p>
 * {{ form.fields.title.errors }}
 * }</pre>
 *
 * <p>Printing the bound field itself ({@code {{ form.fields.title }}}) gives the whole row: label, widget, help and
 * errors.
 */
public final class BoundField implements TrustedHtml {
    private final Form form;
    private final Field<?> field;

    BoundField(Form form, Field<?> field) {
        this.form = form;
        this.field = field;
    }

    public String name() {
        return field.name();
    }

    /** The {@code id} of the widget, {@code id_<name>}. */
    public String id() {
        return FormHtml.id(field.name());
    }

    /** The label text (escape it yourself if you print it outside a template). */
    public String labelText() {
        return field.label();
    }

    public String helpText() {
        return field.help();
    }

    public boolean isRequired() {
        return field.isRequired();
    }

    /** {@code <label for="id_name">Label</label>}. */
    public TrustedHtml label() {
        return TrustedHtml.of(FormHtml.label(field));
    }

    /** The input, select or textarea, showing the submitted or initial value. */
    public TrustedHtml widget() {
        return TrustedHtml.of(widgetHtml(isInvalid()));
    }

    /** {@code <ul class="errorlist">…</ul>}, or nothing when the field has no errors. */
    public TrustedHtml errors() {
        return TrustedHtml.of(errorsHtml(errorMessages()));
    }

    /** The error messages of this field; empty when none (or when the form is not bound). */
    public List<String> errorMessages() {
        return form.isBound() ? form.errors().of(field) : List.of();
    }

    /** Whether the field has errors (not named hasErrors: templates would find it before {@link #errors()}). */
    public boolean isInvalid() {
        return !errorMessages().isEmpty();
    }

    /** The value shown in the widget: what was submitted, or the initial value. */
    public String value() {
        List<String> values = form.displayValues(field);
        return values.isEmpty() ? "" : values.get(0);
    }

    /** The whole row: label, widget, help text and errors. */
    @Override
    public String html() {
        // The messages once: each form.errors() call copies every field's errors.
        List<String> messages = errorMessages();
        boolean invalid = !messages.isEmpty();
        return FormHtml.row(field, FormHtml.label(field), widgetHtml(invalid), errorsHtml(messages), invalid);
    }

    private String widgetHtml(boolean invalid) {
        return FormHtml.widget(field, form.displayValues(field), invalid);
    }

    private String errorsHtml(List<String> messages) {
        return FormHtml.errors(messages, FormHtml.id(field.name()) + "_errors", "errorlist");
    }

    @Override
    public String toString() {
        return html();
    }
}
