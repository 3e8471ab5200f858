package dev.rowan.core;

import dev.rowan.core.internal.staticfiles.StaticMount;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Serves static files from the classpath or a folder, with ETag/Last-Modified and 304, byte
 * ranges, cache headers and fingerprinted URLs. Install as many as you need; each also adds its
 * files to the app's {@link StaticUrls} service.
 *
 * <pre>{@code
 * app.install(StaticFiles.classpath("static").at("/static"));      // src/main/resources/static
 * app.install(StaticFiles.folder(Path.of("media")).at("/media"));
 * String css = app.service(StaticUrls.class).url("css/site.css");  // /static/css/site.1a2b3c4d.css
 * }</pre>
 *
 * Plain URLs get a short cache lifetime ({@code no-cache} in the dev profile, five minutes
 * otherwise, see {@link #maxAge(Duration)}); fingerprinted URLs are cached for a year as
 * {@code immutable}. Paths that could leave the root ({@code ..}, backslashes, NUL, symbolic links
 * pointing outside), hidden files, directories and, on the classpath, class files are never served.
 */
public final class StaticFiles implements Module {
    private static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final Source source;
    private final String urlPrefix;
    private final Optional<Duration> maxAge;

    private sealed interface Source {
    }

    private record Folder(Path root) implements Source {
    }

    private record Classpath(ClassLoader loader, String prefix) implements Source {
    }

    private StaticFiles(Source source, String urlPrefix, Optional<Duration> maxAge) {
        this.source = source;
        this.urlPrefix = urlPrefix;
        this.maxAge = maxAge;
    }

    /**
     * Files under the classpath folder {@code resourcePrefix} (e.g. {@code "static"} for
     * {@code src/main/resources/static}), served at {@code /static} unless {@link #at(String)} says otherwise.
     */
    public static StaticFiles classpath(String resourcePrefix) {
        String prefix = trimSlashes(resourcePrefix);
        if (prefix.isEmpty() || prefix.contains("..") || prefix.contains("\\")) {
            throw new IllegalArgumentException("StaticFiles.classpath needs a resource folder such as \"static\", got '"
                    + resourcePrefix + "': serving the classpath root would expose classes and configuration.");
        }
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(StaticFiles.class.getClassLoader());
        return new StaticFiles(new Classpath(loader, prefix), "/static", Optional.empty());
    }

    /** Files under the folder {@code root}, served at {@code /static} unless {@link #at(String)} says otherwise. */
    public static StaticFiles folder(Path root) {
        return new StaticFiles(new Folder(root), "/static", Optional.empty());
    }

    /** The URL prefix, e.g. {@code "/assets"}; {@code "/"} serves at the site root. */
    public StaticFiles at(String urlPrefix) {
        String p = trimSlashes(urlPrefix);
        if (p.contains("{") || p.contains("}")) {
            throw new IllegalArgumentException("The static URL prefix must be a plain path, got '" + urlPrefix + "'");
        }
        return new StaticFiles(source, p.isEmpty() ? "" : "/" + p, maxAge);
    }

    /** How long browsers may reuse a plain (not fingerprinted) file without asking; zero means always ask. */
    public StaticFiles maxAge(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, got " + duration);
        }
        return new StaticFiles(source, urlPrefix, Optional.of(duration));
    }

    @Override
    public void install(App app) {
        Duration age = maxAge.orElse(app.config().isDev() ? Duration.ZERO : DEFAULT_MAX_AGE);
        StaticMount mount = switch (source) {
            case Folder f -> StaticMount.folder(urlPrefix, f.root(), age);
            case Classpath c -> StaticMount.classpath(urlPrefix, c.loader(), c.prefix(), age);
        };
        app.get(urlPrefix + "/{path:path}", ctx -> mount.serve(ctx, ctx.pathParam("path").asString()));
        app.check(a -> mount.setupProblem()
                .map(problem -> List.of(Check.Result.error("static.E001", problem,
                        "Create the folder or fix the path given to StaticFiles.folder(...) for " + mount.describe() + ".")))
                .orElse(List.of()));
        StaticUrls urls = app.findService(StaticUrls.class).orElseGet(() -> {
            var created = new StaticUrls();
            app.register(StaticUrls.class, created);
            return created;
        });
        urls.add(mount);
    }

    /** Distinct per URL prefix, so several static mounts can be installed in one app. */
    @Override
    public String name() {
        return "StaticFiles(" + (urlPrefix.isEmpty() ? "/" : urlPrefix) + ")";
    }

    private static String trimSlashes(String s) {
        String t = s.strip();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
