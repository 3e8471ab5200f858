package dev.rowan.templates.internal;

import dev.rowan.templates.ContextProcessor;
import dev.rowan.templates.TemplateException;
import dev.rowan.templates.TemplateFilter;
import dev.rowan.templates.TemplateFunction;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.cache.template.ConcurrentMapTemplateCache;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine behind {@code Templates}: Pebble configured the Rowan way. */
public final class PebbleTemplates {
    private static final String TEXT_SUFFIX = ".txt";

    private final RootChain chain;
    private final List<ContextProcessor> processors;
    private final Errors errors;
    private final PebbleEngine html;
    private final PebbleEngine text;

    public PebbleTemplates(RootChain chain, boolean reload, Map<String, Object> globals,
                           Map<String, TemplateFunction> functions, Map<String, TemplateFilter> filters,
                           List<ContextProcessor> processors) {
        this.chain = chain;
        this.processors = List.copyOf(processors);
        this.errors = new Errors(chain);
        RowanExtension extension = new RowanExtension(globals, functions, filters);
        this.html = engine(chain, reload, extension, true);
        this.text = engine(chain, reload, extension, false);
    }

    /**
     * Two engines because Pebble's autoescape is per engine: plain-text templates (emails' text parts) must
     * not get {@code &amp;}, while everything else — including unknown extensions — is escaped as HTML.
     */
    private static PebbleEngine engine(RootChain chain, boolean reload, RowanExtension extension, boolean escape) {
        return new PebbleEngine.Builder()
                .loader(new RowanLoader(chain, reload))
                .extension(extension)
                // Pebble drops the newline after every tag, print tags included ("Hi {{ name }}\nBye" becomes
                // "Hi AdaBye"); Jinja keeps it. Keep it too: plain-text emails depend on it.
                .newLineTrimming(false)
                .autoEscaping(escape)
                .defaultEscapingStrategy("html")
                .templateCache(reload ? new ReloadingTemplateCache() : new ConcurrentMapTemplateCache())
                .build();
    }

    public boolean exists(String name) {
        return chain.find(name).isPresent();
    }

    public void render(String name, Map<String, ?> model, Optional<Object> context, Writer out) {
        Scope scope = new Scope(name, context);
        scope.run(() -> evaluate(name, model, scope, out));
    }

    private void evaluate(String name, Map<String, ?> model, Scope scope, Writer out) {
        try {
            PebbleTemplate template = engineFor(name).getTemplate(checked(name));
            template.evaluate(out, merged(model, scope));
        } catch (IOException e) {
            throw new UncheckedIOException("templates: writing the output of " + name + " failed", e);
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw errors.translate(e, name);
        } catch (StackOverflowError e) {
            // The engine follows extends and include without a cycle check: a template that extends or
            // includes itself, directly or through others, recurses until the stack ends. Said here
            // as a template error instead of a stack overflow that takes the request down with it.
            throw TemplateException.of("templates.E005", "The template extends or includes itself, directly or through other "
                    + "templates, so rendering never ends (or its extends, include and macro calls nest too deep to render)", name, 0, "",
                    null);
        }
    }

    private String checked(String name) {
        return TemplateNames.normalize(name).orElseThrow(() -> chain.notFound(name));
    }

    private PebbleEngine engineFor(String name) {
        return name.endsWith(TEXT_SUFFIX) ? text : html;
    }

    /** Processors first, so the caller's explicit model always wins. */
    private Map<String, Object> merged(Map<String, ?> model, Scope scope) {
        Map<String, Object> values = new HashMap<>();
        for (ContextProcessor processor : processors) {
            processor.values(scope).forEach((k, v) -> values.put(k, Values.toPebble(v)));
        }
        model.forEach((k, v) -> values.put(k, Values.toPebble(v)));
        return values;
    }
}
