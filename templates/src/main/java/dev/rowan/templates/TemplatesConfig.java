package dev.rowan.templates;

import dev.rowan.core.App;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What modules add to an app's templates: their classpath template roots, functions, filters, globals and context
 * processors. One per app, registered as a service; {@link TemplatesModule} builds the engine from it on the first
 * render, so modules installed after it still count.
 *
 * <pre>{@code
 * // in AdminModule.install(app):
 * TemplatesConfig.of(app)
 *     .moduleTemplates("admin", AdminModule.class.getClassLoader())
 *     .contextProcessor(scope -> Map.of("admin_site", site));
 * }</pre>
 *
 * <p>Changing it after the first render fails ({@code templates.E010}): the engine is already compiled.
 */
public final class TemplatesConfig {
    private final List<Consumer<Templates.Builder>> steps = new ArrayList<>();
    private final Map<String, String> moduleNames = new LinkedHashMap<>();
    private volatile boolean frozen;

    private TemplatesConfig() {
    }

    /** The app's config, registered on first use; the same instance for every caller. */
    public static TemplatesConfig of(App app) {
        synchronized (app) {
            return app.findService(TemplatesConfig.class).orElseGet(() -> {
                TemplatesConfig config = new TemplatesConfig();
                app.register(TemplatesConfig.class, config);
                return config;
            });
        }
    }

    /** Adds {@code templates/} of {@code loader} for {@code module}; the app's own templates override them. */
    public TemplatesConfig moduleTemplates(String module, ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return add("register templates of module " + module, b -> b.moduleTemplates(module, loader),
                () -> moduleNames.put(module, loader.toString()));
    }

    /** Looks in {@code folder} before the classpath. */
    public TemplatesConfig folder(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return add("add the folder " + folder, b -> b.folder(folder), () -> { });
    }

    /** A function every template can call; one of the same name registered later replaces it. */
    public TemplatesConfig function(String name, TemplateFunction function) {
        Objects.requireNonNull(function, "function");
        return add("add the function " + name, b -> b.function(name, function), () -> { });
    }

    /** A filter every template can apply. */
    public TemplatesConfig filter(String name, TemplateFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return add("add the filter " + name, b -> b.filter(name, filter), () -> { });
    }

    /** A variable every template sees. */
    public TemplatesConfig global(String name, Object value) {
        Objects.requireNonNull(value, "value");
        return add("add the global " + name, b -> b.global(name, value), () -> { });
    }

    /**
     * Values added to every render's model; {@code scope.context(Context.class)} is the request. The auth module
     * adds {@code user} this way.
     */
    public TemplatesConfig contextProcessor(ContextProcessor processor) {
        Objects.requireNonNull(processor, "processor");
        return add("add a context processor", b -> b.contextProcessor(processor), () -> { });
    }

    /** The modules that registered templates, in order. */
    public List<String> modules() {
        return List.copyOf(moduleNames.keySet());
    }

    /** Applies everything registered to {@code builder} and refuses further changes. For {@link TemplatesModule}. */
    synchronized void applyTo(Templates.Builder builder) {
        frozen = true;
        steps.forEach(step -> step.accept(builder));
    }

    private synchronized TemplatesConfig add(String what, Consumer<Templates.Builder> step, Runnable record) {
        if (frozen) {
            throw new IllegalStateException("templates.E010 Cannot " + what + ": the templates were already compiled "
                    + "by the first render. Register template roots, functions and processors while the app is set up "
                    + "(in a Module's install()), before it serves requests.");
        }
        steps.add(step);
        record.run();
        return this;
    }
}
