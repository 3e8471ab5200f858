package dev.rowan.core;

import dev.rowan.core.internal.AppState;
import dev.rowan.core.internal.ConsoleLog;
import dev.rowan.core.internal.Dispatcher;
import dev.rowan.core.internal.ServerSettings;
import dev.rowan.core.internal.commands.CommandLine;
import dev.rowan.core.internal.StartupFailureHandler;
import dev.rowan.core.internal.routing.Route;
import dev.rowan.core.internal.routing.Router;
import dev.rowan.core.internal.server.NettyServer;
import dev.rowan.core.spi.ServerExchange;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Rowan application. Build it (routes, middleware, modules, services), then serve it. Nothing is
 * static: several apps can live in one JVM, which is how tests run.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     App.create()
 *        .get("/", ctx -> ctx.text("Hello, Rowan"))
 *        .start();
 * }
 * }</pre>
 */
public final class App implements Routes {
    static {
        ConsoleLog.useCompactFormatWhenUnconfigured();
    }

    private static final System.Logger LOG = System.getLogger("rowan");

    private final AppState state;
    private final List<Runnable> onStart = new ArrayList<>();
    private final List<Runnable> onStop = new ArrayList<>();
    private volatile Dispatcher dispatcher;
    private volatile NettyServer server;
    private boolean stopHooksRan;

    private App(Config config) {
        this.state = new AppState(this, config);
        StartupFailureHandler.installOnMainThread();
    }

    /** An app configured from files, environment and system properties ({@link Config#load()}). */
    public static App create() {
        return new App(Config.load());
    }

    public static App create(Config config) {
        return new App(config);
    }

    public Config config() {
        return state.config();
    }

    // ---------------------------------------------------------------- routes

    @Override
    public App route(HttpMethod method, String path, Handler handler, String name) {
        state.addRoute(method, path, handler, name, List.of());
        return this;
    }

    @Override
    public App group(String prefix, Consumer<Routes> body) {
        return group(prefix, "", body);
    }

    @Override
    public App group(String prefix, String namespace, Consumer<Routes> body) {
        state.requireSetup("add the route group '" + prefix + "'");
        body.accept(state.newGroup(prefix, namespace));
        return this;
    }

    /** Marks the whole app as an API: every error is answered as JSON (see {@link Routes#api()}). */
    @Override
    public App api() {
        state.markApi("");
        return this;
    }

    @Override
    public App use(Middleware middleware) {
        state.requireSetup("add middleware");
        state.middleware().add(middleware);
        return this;
    }

    @Override
    public App before(Handler handler) {
        Routes.super.before(handler);
        return this;
    }

    @Override
    public App after(Handler handler) {
        Routes.super.after(handler);
        return this;
    }

    @Override
    public App get(String path, Handler handler) {
        return route(HttpMethod.GET, path, handler, "");
    }

    @Override
    public App get(String path, Handler handler, String name) {
        return route(HttpMethod.GET, path, handler, name);
    }

    @Override
    public App post(String path, Handler handler) {
        return route(HttpMethod.POST, path, handler, "");
    }

    @Override
    public App post(String path, Handler handler, String name) {
        return route(HttpMethod.POST, path, handler, name);
    }

    @Override
    public App put(String path, Handler handler) {
        return route(HttpMethod.PUT, path, handler, "");
    }

    @Override
    public App put(String path, Handler handler, String name) {
        return route(HttpMethod.PUT, path, handler, name);
    }

    @Override
    public App patch(String path, Handler handler) {
        return route(HttpMethod.PATCH, path, handler, "");
    }

    @Override
    public App patch(String path, Handler handler, String name) {
        return route(HttpMethod.PATCH, path, handler, name);
    }

    @Override
    public App delete(String path, Handler handler) {
        return route(HttpMethod.DELETE, path, handler, "");
    }

    @Override
    public App delete(String path, Handler handler, String name) {
        return route(HttpMethod.DELETE, path, handler, name);
    }

    @Override
    public App head(String path, Handler handler) {
        return route(HttpMethod.HEAD, path, handler, "");
    }

    @Override
    public App options(String path, Handler handler) {
        return route(HttpMethod.OPTIONS, path, handler, "");
    }

    /** Registers a path type usable as {@code {name:type}} in routes added after this call. */
    public App converter(String type, PathConverter<?> converter) {
        state.requireSetup("register the path type '" + type + "'");
        state.converters().register(type, converter);
        return this;
    }

    // ---------------------------------------------------------------- errors

    /** Handles exceptions of {@code type} (and subclasses); the most specific handler wins. */
    public <E extends Exception> App exception(Class<E> type, ExceptionHandler<? super E> handler) {
        state.requireSetup("add an exception handler");
        state.exceptionHandlers().put(type, handler);
        return this;
    }

    /** Renders responses with {@code status} (e.g. a custom 404 page). */
    public App error(int status, Handler handler) {
        state.requireSetup("add an error page");
        state.errorPages().put(status, handler);
        return this;
    }

    // ---------------------------------------------------------------- modules, services, checks

    /**
     * Installs a module now; it registers what it needs through this app's public API. A module of
     * the same class and {@link Module#name()} is installed once; modules that can be installed
     * several times (e.g. {@link StaticFiles} at different prefixes) give each instance its own name.
     */
    public App install(Module module) {
        state.requireSetup("install the module " + module.name());
        if (state.installed().add(module.getClass().getName() + "#" + module.name())) {
            state.installed().add(module.getClass().getName());
            module.install(this);
        }
        return this;
    }

    public boolean isInstalled(Class<? extends Module> type) {
        return state.installed().contains(type.getName());
    }

    /** Registers a service other parts of the app look up by type. */
    public <T> App register(Class<T> type, T service) {
        state.requireSetup("register the service " + type.getSimpleName());
        state.services().put(type, type.cast(service));
        return this;
    }

    public <T> Optional<T> findService(Class<T> type) {
        return Optional.ofNullable(type.cast(state.services().get(type)));
    }

    /** The service registered for {@code type}; fails with a message naming what to register or add. */
    public <T> T service(Class<T> type) {
        return findService(type).orElseThrow(() -> new IllegalStateException("No service of type " + type.getName()
                + " is registered. Register one with app.register(" + type.getSimpleName() + ".class, ...) or install the module that provides it."));
    }

    /**
     * Declares settings this app or module reads, so that a {@code ROWAN_*} variable meant for one of
     * them but misspelt is reported at startup ({@code core.W005}) and the settings page lists them.
     * A module declares its settings in {@link Module#install}:
     * <pre>{@code
     * app.declare(Setting.of("mail.host", Setting.Type.TEXT, "localhost", "The SMTP server mail is sent through."));
     * }</pre>
     */
    public App declare(Setting... settings) {
        for (Setting s : settings) {
            state.declare(s);
        }
        return this;
    }

    /** Every declared setting: the core's, then each module's, in the order they were declared. */
    public List<Setting> settings() {
        return state.settings();
    }

    public App check(Check check) {
        state.requireSetup("add a check");
        state.checks().add(check);
        return this;
    }

    /** Runs every startup check now. */
    public List<Check.Result> runChecks() {
        return state.runChecks();
    }

    /**
     * Adds a management command ({@code java -jar app.jar NAME}); one with the name of an earlier
     * command replaces it. See {@link Command} for an example.
     */
    public App command(Command command) {
        state.addCommand(command);
        return this;
    }

    /** Every command the app answers, by name: the core's, each module's and the app's own. */
    public List<Command> commands() {
        return state.commands();
    }

    public App onStart(Runnable hook) {
        state.requireSetup("add a start hook");
        onStart.add(hook);
        return this;
    }

    public App onStop(Runnable hook) {
        onStop.add(hook);
        return this;
    }

    /** A signer for one purpose, keyed by the app's secret key (and its fallbacks for rotation). */
    public Signer signer(String salt) {
        return state.signer(salt);
    }

    // ---------------------------------------------------------------- URLs

    /** The path of a named route: {@code app.url("polls:detail", 5)} gives {@code /polls/5/}. */
    public String url(String routeName, Object... args) {
        return dispatcher().router().reverse(routeName, args);
    }

    public String url(String routeName, Map<String, ?> args) {
        return dispatcher().router().reverse(routeName, args);
    }

    /** All routes, for tools such as a {@code routes} command. */
    public List<String> describeRoutes() {
        return dispatcher().router().routes().stream()
                .map(r -> r.method() + " " + r.pattern().text() + (r.name().isEmpty() ? "" : "  [" + r.name() + "]")).sorted().toList();
    }

    // ---------------------------------------------------------------- serving

    /**
     * What an app's {@code main} calls with its arguments: serves when there are none (or only
     * options, as in {@code --port 9000}), and otherwise runs the command they name, prints its
     * output and ends the process with its exit status, as Django's {@code manage.py} does:
     *
     * <pre>{@code
     * public static void main(String[] args) {
     *     App.create().get("/", ctx -> ctx.text("Hello")).run(args);
     * }
     * }</pre>
     *
     * {@code java -jar app.jar routes} then lists the routes, {@code java -jar app.jar check} runs
     * the startup checks, and {@code java -jar app.jar help} lists every command.
     */
    public void run(String... args) {
        state.launchedFrom(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass());
        int status = runCommand(List.of(args), System.out, System.err);
        if (status != Command.OK || server == null) {
            System.out.flush();
            System.err.flush();
            System.exit(status);
        }
    }

    /**
     * Runs one command line and returns its exit status, printing to {@code out} and {@code err};
     * for tests and tools. {@link #run(String...)} is what a {@code main} calls.
     */
    public int runCommand(List<String> args, PrintStream out, PrintStream err) {
        return CommandLine.run(this, state.commands(), args, out, err);
    }

    /**
     * Starts serving on the port {@code server.port} sets (environment {@code PORT} or
     * {@code ROWAN_SERVER_PORT}), 8000 unless set: the same code then runs on a laptop and on a host
     * that assigns the port.
     */
    public App start() {
        return start(config().getInt("server.port", 8000));
    }

    /** Starts serving on {@code port} whatever {@code server.port} says (0 picks a free port; see {@link #port()}). */
    public App start(int port) {
        ServerSettings settings = state.serverSettings(port);
        synchronized (this) {
            if (server != null) {
                throw new IllegalStateException("This app is already serving on port " + server.port());
            }
            server = NettyServer.start(dispatcher(), settings);
        }
        String host = settings.host();
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        String line = "Rowan " + config().profile() + " server listening on http://" + shown + ":" + server.port() + "/"
                + (settings.epoll() ? " (epoll)" : "");
        System.out.println(line);
        LOG.log(System.Logger.Level.DEBUG, line);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::stop));
        return this;
    }

    /**
     * The largest request body the server accepts, in bytes: {@code server.max-body-size}, 10MB unless
     * set. A larger body is refused with 413 before the handler runs, so a page can state the limit:
     * <pre>{@code
     * model.put("max_size", ctx.app().maxBodySize() / (1024 * 1024) + " MB");
     * }</pre>
     */
    public long maxBodySize() {
        return ServerSettings.maxBodySize(config());
    }

    /** The port the server listens on. */
    public int port() {
        NettyServer s = server;
        if (s == null) {
            throw new IllegalStateException("The app is not serving yet; call start() first");
        }
        return s.port();
    }

    /**
     * Stops accepting, lets in-flight requests finish (up to {@code server.shutdown-timeout}), then
     * closes and runs the stop hooks. An app that only served the in-memory test client, or never
     * served (a command ran instead), runs its stop hooks too, so modules release pools, clients and
     * embedded servers either way.
     */
    public void stop() {
        NettyServer s;
        boolean runHooks;
        synchronized (this) {
            s = server;
            server = null;
            // Also for an app that never served: modules open some things while they are installed.
            runHooks = !stopHooksRan;
            stopHooksRan = stopHooksRan || runHooks;
        }
        if (s != null) {
            s.stop(config().getDuration("server.shutdown-timeout", java.time.Duration.ofSeconds(10)));
        }
        if (runHooks) {
            onStop.forEach(App::runQuietly);
        }
    }

    /** Handles one exchange; called by the HTTP engine and the in-memory test client. */
    public void handle(ServerExchange exchange) {
        dispatcher().handle(exchange);
    }

    private Dispatcher dispatcher() {
        Dispatcher d = dispatcher;
        if (d == null) {
            synchronized (this) {
                d = dispatcher;
                if (d == null) {
                    d = freeze();
                    dispatcher = d;
                }
            }
        }
        return d;
    }

    // Setup ends here: build the router once, run checks and start hooks, then refuse changes.
    private Dispatcher freeze() {
        List<Route> routes = state.buildRoutes();
        Router router = new Router(routes);
        Dispatcher d = new Dispatcher(this, state, router);
        state.freeze();
        state.reportChecks();
        onStart.forEach(Runnable::run);
        return d;
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A stop hook failed", e);
        }
    }

}
