package dev.rowan.templates;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.core.spi.ErrorPageRenderer;
import dev.rowan.core.spi.TemplateRenderer;
import dev.rowan.templates.internal.web.ErrorTemplates;
import dev.rowan.templates.internal.web.TemplateSettings;
import dev.rowan.templates.internal.web.WebRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes {@code ctx.render("polls/index.html", model)} work, with the web helpers every template gets:
 * {@code url('name', args…)}, {@code static('path')}, {@code csrf_token()}, {@code csrf_input()}, {@code messages}
 * (flash messages, read once) and {@code request}.
 *
 * <pre>{@code
 * App app = App.create();
 * app.install(TemplatesModule.create());
 * app.get("/", ctx -> ctx.render("home.html", Map.of("title", "Hello")));
 * }</pre>
 *
 * <p>Defaults come from the app's config: templates are read from the folder {@code templates.dir} (in dev, when
 * unset, {@code src/main/resources/templates} if it exists, so saved edits show without a rebuild), then from
 * {@code templates/} on the classpath, then from modules' templates ({@link TemplatesConfig}). In dev they are
 * reloaded when they change; otherwise compiled once.
 *
 * <p>Error pages (400, 403, 404, 405, 413, 500, ...) render from the app's templates, as Django's {@code 404.html}
 * does: {@code errors/404.html} for one status, {@code errors/error.html} for all, each with {@code status},
 * {@code title} and {@code message}. With {@link #errorLayout(String)} and no such template, a built-in page
 * extending that layout is used, so every error page sits in the site's frame without writing one:
 *
 * <pre>{@code
 * app.install(TemplatesModule.create().errorLayout("base.html"));   // base.html defines the blocks title and content
 * }</pre>
 */
public final class TemplatesModule implements Module {
    private static final Path DEV_FOLDER = Path.of("src", "main", "resources", "templates");

    private final Optional<Path> folder;
    private final Optional<Boolean> reload;
    private final Optional<String> errorLayout;

    private TemplatesModule(Optional<Path> folder, Optional<Boolean> reload, Optional<String> errorLayout) {
        this.folder = folder;
        this.reload = reload;
        this.errorLayout = errorLayout;
    }

    /** The module with defaults from the app's config. */
    public static TemplatesModule create() {
        return new TemplatesModule(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy that reads templates from {@code folder} first, whatever {@code templates.dir} says. */
    public TemplatesModule folder(Path folder) {
        return new TemplatesModule(Optional.of(Objects.requireNonNull(folder, "folder")), reload, errorLayout);
    }

    /** A copy that reloads changed templates ({@code true}) or compiles them once ({@code false}). */
    public TemplatesModule reload(boolean enabled) {
        return new TemplatesModule(folder, Optional.of(enabled), errorLayout);
    }

    /**
     * A copy whose error pages extend {@code layout} when the app has no {@code errors/<status>.html} or
     * {@code errors/error.html}: the layout's {@code title} block gets "404 Not Found", its {@code content}
     * block the title and the message.
     */
    public TemplatesModule errorLayout(String layout) {
        return new TemplatesModule(folder, reload, Optional.of(Objects.requireNonNull(layout, "layout")));
    }

    @Override
    public void install(App app) {
        app.declare(TemplateSettings.ALL.toArray(Setting[]::new));
        Config config = app.config();
        TemplatesConfig templates = TemplatesConfig.of(app);
        boolean reloading = reload.orElse(config.isDev());
        Optional<Path> dir = folder.or(() -> config.get("templates.dir").map(Path::of))
                .or(() -> config.isDev() && Files.isDirectory(DEV_FOLDER) ? Optional.of(DEV_FOLDER) : Optional.empty());
        WebRenderer renderer = new WebRenderer(() -> {
            Templates.Builder builder = Templates.builder().reload(reloading);
            dir.ifPresent(builder::folder);
            WebRenderer.addHelpers(app, builder);
            templates.applyTo(builder);
            return builder.build();
        });
        app.register(TemplateRenderer.class, renderer);
        app.register(ErrorPageRenderer.class, new ErrorTemplates(renderer, errorLayout));
    }
}
