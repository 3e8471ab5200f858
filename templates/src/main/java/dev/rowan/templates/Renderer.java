package dev.rowan.templates;

import java.io.Writer;
import java.util.Map;

/**
 * Renders templates by name. {@link Templates} is one; {@link Templates#forContext(Object)} gives one that passes
 * a render context to context processors and functions.
 *
 * <pre>{@code
 * String html = templates.render("emails/welcome.html", Map.of("name", "Ada"));
 * }</pre>
 */
public interface Renderer {

    /**
     * Renders {@code name} with {@code model} to a string.
     *
     * @throws TemplateNotFoundException when no root has the template (the message lists the places searched)
     * @throws TemplateException on a syntax error or an error while rendering, with template name, line and snippet
     */
    String render(String name, Map<String, ?> model);

    /**
     * Renders {@code name} with {@code model} to {@code out} (not closed). On an error part of the output may
     * already be written.
     *
     * @throws TemplateException as {@link #render(String, Map)}
     * @throws java.io.UncheckedIOException when writing to {@code out} fails
     */
    void render(String name, Map<String, ?> model, Writer out);
}
