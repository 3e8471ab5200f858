package dev.rowan.templates;

import dev.rowan.templates.internal.ClasspathRoot;
import dev.rowan.templates.internal.FolderRoot;
import dev.rowan.templates.internal.PebbleTemplates;
import dev.rowan.templates.internal.RootChain;
import dev.rowan.templates.spi.TemplateRoot;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Jinja-style templates ({@code extends}, {@code block}, {@code include}, macros, filters) with HTML autoescape,
 * usable with or without a web app.
 *
 * <pre>{@code
 * Templates templates = Templates.builder().build();          // templates/ on the classpath
 * String html = templates.render("emails/welcome.html", Map.of("name", "Ada"));
 * }</pre>
 *
 * <p>Lookup order, first match wins: folders added with {@link Builder#folder(Path)}, custom roots, the
 * application's {@code templates/} on the classpath, then module templates in the order they were registered.
 * Templates whose name ends in {@code .txt} are not escaped; all others are escaped as HTML.
 *
 * <p>Thread-safe; build one per application and share it.
 */
public final class Templates implements Renderer {
    private final PebbleTemplates engine;

    private Templates(PebbleTemplates engine) {
        this.engine = engine;
    }

    /** Starts configuring a template engine. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String render(String name, Map<String, ?> model) {
        StringWriter out = new StringWriter();
        render(name, model, out);
        return out.toString();
    }

    @Override
    public void render(String name, Map<String, ?> model, Writer out) {
        engine.render(name, model, Optional.empty(), out);
    }

    /**
     * A renderer that hands {@code renderContext} (for example the web request context) to context processors
     * and functions through {@link RenderScope#context()}.
     */
    public Renderer forContext(Object renderContext) {
        Optional<Object> context = Optional.of(renderContext);
        return new Renderer() {
            @Override
            public String render(String name, Map<String, ?> model) {
                StringWriter out = new StringWriter();
                render(name, model, out);
                return out.toString();
            }

            @Override
            public void render(String name, Map<String, ?> model, Writer out) {
                engine.render(name, model, context, out);
            }
        };
    }

    /** Whether any root has a template called {@code name}. */
    public boolean exists(String name) {
        return engine.exists(name);
    }

    /**
     * Configures {@link Templates}. Every method returns this builder.
     *
     * <pre>{@code
     * Templates.builder()
     *     .folder(Path.of("src/main/resources/templates"))
     *     .reload(true)
     *     .moduleTemplates("admin", AdminModule.class.getClassLoader())
     *     .global("site_name", "Polls")
     *     .function("static", call -> "/static/" + call.string(0))
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final List<TemplateRoot> folders = new ArrayList<>();
        private final List<TemplateRoot> modules = new ArrayList<>();
        private final Map<String, Object> globals = new LinkedHashMap<>();
        private final Map<String, TemplateFunction> functions = new LinkedHashMap<>();
        private final Map<String, TemplateFilter> filters = new LinkedHashMap<>();
        private final List<ContextProcessor> processors = new ArrayList<>();
        private ClassLoader classLoader = defaultClassLoader();
        private boolean classpath = true;
        private boolean reload;

        private Builder() {
        }

        /** Looks in {@code folder} before the classpath; several folders are searched in the order added. */
        public Builder folder(Path folder) {
            folders.add(new FolderRoot(Objects.requireNonNull(folder, "folder")));
            return this;
        }

        /** Adds a custom root (a database, an archive), searched after folders and before the classpath. */
        public Builder root(TemplateRoot root) {
            folders.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        /** The class loader whose {@code templates/} is the application's; defaults to the thread's context loader. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Whether the application's classpath {@code templates/} is searched at all (default true). */
        public Builder classpath(boolean enabled) {
            this.classpath = enabled;
            return this;
        }

        /**
         * Registers a module's templates: {@code templates/} of {@code loader}, by convention
         * {@code templates/<module>/...}. Searched after the application's templates, so an application
         * overrides a module's template by having one of the same name.
         */
        public Builder moduleTemplates(String module, ClassLoader loader) {
            modules.add(new ClasspathRoot(Objects.requireNonNull(loader, "loader"), "module " + module));
            return this;
        }

        /**
         * Development mode: check each template's source on every render and recompile it when it changed.
         * Off by default: templates are compiled once and cached.
         */
        public Builder reload(boolean reload) {
            this.reload = reload;
            return this;
        }

        /** A variable every template sees; the render's model wins over a global of the same name. */
        public Builder global(String name, Object value) {
            globals.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A function templates call as {@code {{ name(arg, ...) }}}. A later one of the same name replaces it. */
        public Builder function(String name, TemplateFunction function) {
            functions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /** A filter templates apply as {@code {{ value|name }}} or {@code {{ value|name(arg) }}}. */
        public Builder filter(String name, TemplateFilter filter) {
            filters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** Adds values to every render's model, computed per render; processors run in the order added. */
        public Builder contextProcessor(ContextProcessor processor) {
            processors.add(Objects.requireNonNull(processor, "processor"));
            return this;
        }

        /** Builds the engine; templates are compiled lazily, on first use. */
        public Templates build() {
            List<TemplateRoot> roots = new ArrayList<>(folders);
            if (classpath) {
                roots.add(new ClasspathRoot(classLoader, "application"));
            }
            roots.addAll(modules);
            return new Templates(new PebbleTemplates(new RootChain(roots), reload, globals, functions, filters,
                    processors));
        }

        private static ClassLoader defaultClassLoader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : Templates.class.getClassLoader();
        }
    }
}
