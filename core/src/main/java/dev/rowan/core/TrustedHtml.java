package dev.rowan.core;

import dev.rowan.core.internal.Html;

import java.util.Objects;

/**
 * Markup built from escaped parts, which template engines print as is instead of escaping it again.
 * It lives in the core so that modules of the same layer (forms, the template engine) agree on it
 * without depending on each other: rowan-forms' forms and fields are {@code TrustedHtml}, and
 * rowan-templates prints them unescaped, so {@code {{ form }}} renders the whole form.
 *
 * <pre>{@code
 * TrustedHtml link = TrustedHtml.of("<a href=\"/\">" + TrustedHtml.escape(userName) + "</a>");
 * }</pre>
 *
 * <p>Only wrap markup you built yourself; wrapping user input opens an XSS hole.
 */
public interface TrustedHtml {
    /** The markup. */
    String html();

    /** Marks {@code html} as trusted markup. */
    static TrustedHtml of(String html) {
        return new Markup(Objects.requireNonNull(html, "html"));
    }

    /** Escapes {@code text} for HTML text and quoted attribute values ({@code < > & " '}). */
    static String escape(String text) {
        return Html.escape(text);
    }

    /** The plain implementation behind {@link #of(String)}. */
    record Markup(String html) implements TrustedHtml {
        @Override
        public String toString() {
            return html;
        }
    }
}
