package dev.rowan.examples.infoboard;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Context;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.templates.TemplatesModule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A board of exchange rates fetched from a web service, at {@code <prefix>/}. Settings:
 *
 * <pre>
 * infoboard.upstream-url=https://api.frankfurter.dev/v1   # GET &lt;url&gt;/latest answers {"base":..,"date":..,"rates":{..}}
 * infoboard.connect-timeout=2s
 * infoboard.read-timeout=3s
 * infoboard.cache-ttl=5m        # how long fetched rates are served without asking again
 * infoboard.retry-after=30s     # after a failure, how long to wait before asking again
 * </pre>
 *
 * Without an upstream URL it starts a small built-in sample service on 127.0.0.1 and labels the data as
 * sample data. Once the cache TTL has passed, the page shows the rates it has at once and fetches newer
 * ones in the background. When the service is slow, down, failing or sends something unusable, the page
 * shows the last good rates with their age, or a 503 "unavailable" page when it never had any: it never
 * hangs and never fails with a 500. Redirects are followed only within the upstream URL's own scheme,
 * host and port; a reset connection is tried again, within the connect + read timeout.
 *
 * <pre>{@code
 * App.create().install(InfoboardApp.at("/infoboard")).start();
 * }</pre>
 */
public final class InfoboardApp implements Module {
    /** The template pages extend unless {@link #withLayout(String)} names another. */
    public static final String DEFAULT_LAYOUT = "infoboard/base.html";

    /** What the board reads from the app's config. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.of("infoboard.upstream-url", Setting.Type.URL, "", "The rates service: GET <url>/latest answers "
                    + "{\"base\":..,\"date\":..,\"rates\":{..}}. Without it a built-in sample service is used."),
            Setting.of("infoboard.connect-timeout", Setting.Type.DURATION, "2s", "How long to wait for the rates service to accept."),
            Setting.of("infoboard.read-timeout", Setting.Type.DURATION, "3s", "How long to wait for the rates service to answer."),
            Setting.of("infoboard.cache-ttl", Setting.Type.DURATION, "5m", "How long fetched rates are served without asking again."),
            Setting.of("infoboard.retry-after", Setting.Type.DURATION, "30s", "After a failure, how long to wait before asking again."));

    private final String prefix;
    private final String layout;
    private final Clock clock;

    private InfoboardApp(String prefix, String layout, Clock clock) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The board mounted under {@code prefix} ("/" for the site root). */
    public static InfoboardApp at(String prefix) {
        return new InfoboardApp(prefix, DEFAULT_LAYOUT, Clock.systemUTC());
    }

    /** A copy whose pages extend {@code template} (it must define the blocks {@code title} and {@code content}). */
    public InfoboardApp withLayout(String template) {
        return new InfoboardApp(prefix, template, clock);
    }

    /** A copy that reads time from {@code clock} (tests move it forward to age the cache). */
    public InfoboardApp withClock(Clock clock) {
        return new InfoboardApp(prefix, layout, clock);
    }

    @Override
    public void install(App app) {
        app.install(TemplatesModule.create());
        app.declare(SETTINGS.toArray(Setting[]::new));
        Config c = app.config();
        Optional<URI> configured = c.get("infoboard.upstream-url").map(InfoboardApp::baseUrl);
        SampleUpstream sample = new SampleUpstream(clock);
        Supplier<URI> base = configured.<Supplier<URI>>map(u -> () -> u).orElse(sample::baseUrl);
        Duration connect = c.getDuration("infoboard.connect-timeout", Duration.ofSeconds(2));
        Duration read = c.getDuration("infoboard.read-timeout", Duration.ofSeconds(3));
        Duration ttl = c.getDuration("infoboard.cache-ttl", Duration.ofMinutes(5));
        Duration retryAfter = c.getDuration("infoboard.retry-after", Duration.ofSeconds(30));
        Upstream upstream = new Upstream(() -> latest(base.get()), connect, read);
        // Followers wait a little longer than the leader's own bounded call, never indefinitely.
        ExecutorService refreshes = Executors.newVirtualThreadPerTaskExecutor();
        RatesCache cache = new RatesCache(upstream::fetch, clock, ttl, retryAfter, connect.plus(read).plusSeconds(1), refreshes);
        boolean isSample = configured.isEmpty();
        app.group(prefix, "infoboard", r -> r.get("/", ctx -> page(ctx, cache, ttl, retryAfter, isSample), "index"));
        app.onStop(() -> {
            refreshes.shutdownNow();
            upstream.close();
            sample.stop();
        });
    }

    private void page(Context ctx, RatesCache cache, Duration ttl, Duration retryAfter, boolean sample) {
        RatesCache.View view = cache.current();
        Map<String, Object> model = Board.model(view, clock.instant(), ttl, sample);
        model.put("layout", layout);
        int status = Board.status(view);
        if (status == 503) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).render("infoboard/index.html", model);
    }

    private static URI baseUrl(String text) {
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Config.ConfigException("infoboard.E001", "The setting 'infoboard.upstream-url' must be an http or https URL"
                + " such as https://api.frankfurter.dev/v1, but is '" + text + "'.");
    }

    private static URI latest(URI base) {
        String s = base.toString();
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/latest");
    }

    @Override
    public String name() {
        return "infoboard";
    }

    /** Runs the board alone on port 8000 (with sample data unless {@code infoboard.upstream-url} is set). */
    public static void main(String[] args) {
        App.create().install(InfoboardApp.at("/")).run(args);
    }
}
