package dev.rowan.templates;

import java.util.Objects;

/**
 * Markup that a template prints as is, without autoescaping.
 *
 * <p>Only wrap strings you built yourself from escaped parts; wrapping user input opens an XSS hole.
 * A {@link TemplateFunction}, a global, a model value or a method of a model object may return it:
 *
 * <pre>{@code
 * builder.function("csrf_input", call ->
 *     SafeHtml.trusted("<input type=\"hidden\" name=\"csrf\" value=\"" + token + "\">"));
 * }</pre>
 */
public final class SafeHtml {
    private final String html;

    private SafeHtml(String html) {
        this.html = html;
    }

    /** Marks {@code html} as trusted markup that templates must not escape. */
    public static SafeHtml trusted(String html) {
        return new SafeHtml(Objects.requireNonNull(html, "html"));
    }

    /** The markup. */
    public String html() {
        return html;
    }

    @Override
    public String toString() {
        return html;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SafeHtml that && html.equals(that.html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }
}
