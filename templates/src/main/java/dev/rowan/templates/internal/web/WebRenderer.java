package dev.rowan.templates.internal.web;

import dev.rowan.core.App;
import dev.rowan.core.Context;
import dev.rowan.core.spi.TemplateRenderer;
import dev.rowan.templates.TemplateException;
import dev.rowan.templates.Templates;

import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code ctx.render(..)}: builds the engine on the first render, then renders with the request as context. */
public final class WebRenderer implements TemplateRenderer {
    private final Supplier<Templates> factory;
    private volatile Templates templates;

    public WebRenderer(Supplier<Templates> factory) {
        this.factory = factory;
    }

    /** The helpers every web template gets; registered first so an app's own function of the same name wins. */
    public static void addHelpers(App app, Templates.Builder builder) {
        WebHelpers.register(app, builder);
    }

    @Override
    public void render(String template, Map<String, ?> model, Context ctx, Writer out) {
        try {
            templates().forContext(ctx).render(template, model, out);
        } catch (TemplateException e) {
            throw SnippetTemplateException.of(e);
        }
    }

    /** Renders the first of {@code names} that exists; empty when none does. */
    public Optional<String> renderFirst(List<String> names, Map<String, ?> model, Context ctx) {
        Templates t = templates();
        for (String name : names) {
            if (t.exists(name)) {
                StringWriter out = new StringWriter();
                render(name, model, ctx, out);
                return Optional.of(out.toString());
            }
        }
        return Optional.empty();
    }

    private Templates templates() {
        Templates t = templates;
        if (t == null) {
            synchronized (this) {
                t = templates;
                if (t == null) {
                    t = factory.get();
                    templates = t;
                }
            }
        }
        return t;
    }
}
