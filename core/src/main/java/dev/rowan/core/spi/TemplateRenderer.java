package dev.rowan.core.spi;

import dev.rowan.core.Context;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** Renders a named template for {@code ctx.render(..)}; the rowan-templates module provides one. */
public interface TemplateRenderer {
    void render(String template, Map<String, ?> model, Context ctx, Writer out) throws IOException;
}
