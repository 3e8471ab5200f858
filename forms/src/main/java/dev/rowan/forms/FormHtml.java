package dev.rowan.forms;

import dev.rowan.forms.internal.Kind;

import java.util.List;
import java.util.Map;

import static dev.rowan.core.TrustedHtml.escape;

/** Renders fields as HTML. Every piece of text and every attribute value is escaped here, nowhere else. */
final class FormHtml {
    private FormHtml() {
    }

    static String id(String name) {
        return "id_" + name;
    }

    static String label(Field<?> field) {
        return "<label for=\"" + escape(id(field.name())) + "\">" + escape(field.label()) + "</label>";
    }

    static String widget(Field<?> field, List<String> values, boolean invalid) {
        StringBuilder sb = new StringBuilder(96);
        Kind kind = field.kind();
        switch (kind) {
            case TEXTAREA -> open(sb, "textarea", field, invalid)
                    // The newline keeps a value that starts with one: browsers drop the first newline after <textarea>.
                    .append(">\n").append(escape(first(values))).append("</textarea>");
            case SELECT, SELECT_MULTIPLE -> select(sb, field, values, invalid);
            case CHECKBOX -> {
                open(sb, "input", field, invalid);
                if (!values.isEmpty() && Fields.isTicked(values.get(0))) {
                    sb.append(" checked");
                }
                sb.append('>');
            }
            default -> {
                open(sb, "input", field, invalid);
                String value = first(values);
                if (kind != Kind.FILE && kind != Kind.PASSWORD && !value.isEmpty()) {
                    sb.append(" value=\"").append(escape(value)).append('"');
                }
                sb.append('>');
            }
        }
        return sb.toString();
    }

    static String errors(List<String> messages, String id, String cssClass) {
        if (messages.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<ul class=\"").append(cssClass).append("\" id=\"").append(escape(id))
                .append("\">");
        messages.forEach(m -> sb.append("<li>").append(escape(m)).append("</li>"));
        return sb.append("</ul>").toString();
    }

    static String row(Field<?> field, String label, String widget, String errors, boolean invalid) {
        if (field.kind() == Kind.HIDDEN) {
            return widget + errors;
        }
        StringBuilder sb = new StringBuilder("<div class=\"field").append(invalid ? " invalid" : "").append("\">");
        sb.append(label).append(widget);
        if (!field.help().isEmpty()) {
            sb.append("<div class=\"helptext\" id=\"").append(escape(id(field.name()))).append("_helptext\">")
                    .append(escape(field.help())).append("</div>");
        }
        return sb.append(errors).append("</div>").toString();
    }

    private static StringBuilder open(StringBuilder sb, String element, Field<?> field, boolean invalid) {
        sb.append('<').append(element);
        String type = field.kind().inputType();
        if (element.equals("input")) {
            sb.append(" type=\"").append(type).append('"');
        }
        sb.append(" name=\"").append(escape(field.name())).append("\" id=\"").append(escape(id(field.name()))).append('"');
        boolean required = field.isRequired() && field.kind() != Kind.CHECKBOX && field.kind() != Kind.HIDDEN;
        for (Map.Entry<String, String> a : field.attributes().entrySet()) {
            if (a.getKey().equals("required")) {
                required = true;
            } else {
                sb.append(' ').append(escape(a.getKey())).append("=\"").append(escape(a.getValue())).append('"');
            }
        }
        if (required) {
            sb.append(" required");
        }
        if (invalid) {
            sb.append(" aria-invalid=\"true\" aria-describedby=\"").append(escape(id(field.name()))).append("_errors\"");
        } else if (!field.help().isEmpty()) {
            sb.append(" aria-describedby=\"").append(escape(id(field.name()))).append("_helptext\"");
        }
        return sb;
    }

    private static void select(StringBuilder sb, Field<?> field, List<String> values, boolean invalid) {
        open(sb, "select", field, invalid);
        if (field.kind() == Kind.SELECT_MULTIPLE) {
            sb.append(" multiple");
        }
        sb.append('>');
        if (field.kind() == Kind.SELECT && !field.isRequired()) {
            sb.append("<option value=\"\">---------</option>");
        }
        for (Choice c : field.choices()) {
            sb.append("<option value=\"").append(escape(c.value())).append('"');
            if (values.contains(c.value())) {
                sb.append(" selected");
            }
            sb.append('>').append(escape(c.label())).append("</option>");
        }
        sb.append("</select>");
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }
}
