package dev.rowan.core.internal;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Command;
import dev.rowan.core.Config;
import dev.rowan.core.ExceptionHandler;
import dev.rowan.core.Handler;
import dev.rowan.core.HttpMethod;
import dev.rowan.core.Middleware;
import dev.rowan.core.Routes;
import dev.rowan.core.Setting;
import dev.rowan.core.Signer;
import dev.rowan.core.internal.commands.CoreCommands;
import dev.rowan.core.internal.commands.Shell;
import dev.rowan.core.internal.routing.Converters;
import dev.rowan.core.internal.routing.Route;
import dev.rowan.core.internal.routing.RoutePattern;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Everything registered while the app is set up; read-only once it serves. */
public final class AppState {
    private static final System.Logger LOG = System.getLogger("rowan");

    private final App app;
    private final Config config;
    private final List<PendingRoute> routes = new ArrayList<>();
    private final List<Middleware> middleware = new ArrayList<>();
    private final List<String> apiPrefixes = new ArrayList<>();
    private final Map<Class<?>, ExceptionHandler<?>> exceptionHandlers = new LinkedHashMap<>();
    private final Map<Integer, Handler> errorPages = new LinkedHashMap<>();
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final Converters converters = new Converters();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private volatile Optional<Class<?>> mainClass = Optional.empty();
    private final Set<String> installed = new HashSet<>();
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();
    private final SecretKeys secretKeys;
    private volatile boolean frozen;

    private record PendingRoute(HttpMethod method, RoutePattern pattern, Handler handler, String name, List<Middleware> groupMiddleware) {}

    public AppState(App app, Config config) {
        this.app = app;
        this.config = config;
        this.secretKeys = SecretKeys.from(config);
        checks.add(new CoreChecks(secretKeys));
        checks.add(new UnknownEnvironmentCheck());
        CoreSettings.ALL.forEach(this::declare);
        CoreCommands.all(this::shellPackages, this::mainClass).forEach(c -> commands.put(c.name(), c));
    }

    /** The class whose main handed its arguments to the app, once {@code app.run(args)} was called. */
    public void launchedFrom(Class<?> mainClass) {
        this.mainClass = Optional.of(mainClass);
    }

    public Optional<Class<?>> mainClass() {
        return mainClass;
    }

    /** What the shell imports: the package of every installed module and of the main class. */
    private Set<String> shellPackages() {
        var packages = new java.util.TreeSet<String>();
        installed.stream().filter(n -> !n.contains("#")).map(Shell::packageOf).forEach(packages::add);
        mainClass.ifPresent(c -> packages.add(c.getPackageName()));
        return packages;
    }

    /** A command of the same name as an earlier one replaces it, so an app can replace a module's. */
    public void addCommand(Command command) {
        requireSetup("add the command " + command.name());
        commands.put(command.name(), command);
    }

    public List<Command> commands() {
        return commands.values().stream().sorted(java.util.Comparator.comparing(Command::name)).toList();
    }

    /** Adds a declaration; a second one for the same key (a module installed by two others) is the same setting. */
    public void declare(Setting setting) {
        requireSetup("declare the setting " + setting.key());
        settings.putIfAbsent(setting.key(), setting);
    }

    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    public Config config() {
        return config;
    }

    public void requireSetup(String action) {
        if (frozen) {
            throw new IllegalStateException("Cannot " + action + ": the app is already serving requests. Routes, middleware, modules and "
                    + "services are fixed once the app starts (setup, then serve). Do this before app.start(), or inside a Module's install().");
        }
    }

    public void addRoute(HttpMethod method, String path, Handler handler, String name, List<Middleware> groupMiddleware) {
        requireSetup("add the route " + method + " " + path);
        routes.add(new PendingRoute(method, RoutePattern.parse(path, converters), handler, name, groupMiddleware));
    }

    public Routes newGroup(String prefix, String namespace) {
        return new RouteGroup(this, normalizePrefix(prefix), namespace, new ArrayList<>());
    }

    static String normalizePrefix(String prefix) {
        if (prefix.isEmpty() || prefix.equals("/")) {
            return "";
        }
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("Group prefixes start with '/', got '" + prefix + "'");
        }
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    public List<Route> buildRoutes() {
        return routes.stream()
                .map(p -> new Route(p.method(), p.pattern(), p.handler(), p.name(), List.copyOf(p.groupMiddleware())))
                .toList();
    }

    public List<Middleware> middleware() {
        return middleware;
    }

    /** Marks every path under {@code prefix} (already normalized; "" for all) as an API. */
    public void markApi(String prefix) {
        requireSetup("mark " + (prefix.isEmpty() ? "the app" : prefix) + " as an API");
        apiPrefixes.add(prefix);
    }

    public List<String> apiPrefixes() {
        return apiPrefixes;
    }

    public Map<Class<?>, ExceptionHandler<?>> exceptionHandlers() {
        return exceptionHandlers;
    }

    public Map<Integer, Handler> errorPages() {
        return errorPages;
    }

    public Map<Class<?>, Object> services() {
        return services;
    }

    public Converters converters() {
        return converters;
    }

    public List<Check> checks() {
        return checks;
    }

    public Set<String> installed() {
        return installed;
    }

    public void freeze() {
        frozen = true;
    }

    public boolean frozen() {
        return frozen;
    }

    public ServerSettings serverSettings(int port) {
        return ServerSettings.from(config, port);
    }

    public Signer signer(String salt) {
        return signers.computeIfAbsent(salt, s -> Signer.create(s, secretKeys.current(), secretKeys.fallbacks()));
    }

    public List<Check.Result> runChecks() {
        var results = new ArrayList<Check.Result>();
        for (Check c : checks) {
            results.addAll(c.run(app));
        }
        return results;
    }

    /** Logs warnings; in production, errors stop the start. */
    public void reportChecks() {
        var errors = new ArrayList<Check.Result>();
        for (Check.Result r : runChecks()) {
            switch (r.severity()) {
                case ERROR -> errors.add(r);
                case WARNING -> LOG.log(System.Logger.Level.WARNING, r.toString());
                case INFO -> LOG.log(System.Logger.Level.INFO, r.toString());
            }
        }
        if (!errors.isEmpty() && config.isProduction()) {
            throw Check.Failure.of(errors);
        }
        errors.forEach(e -> LOG.log(System.Logger.Level.WARNING, e.toString()));
    }

    /** A group of routes sharing a prefix, a name namespace and middleware. */
    private record RouteGroup(AppState state, String prefix, String namespace, List<Middleware> own) implements Routes {
        @Override
        public Routes route(HttpMethod method, String path, Handler handler, String name) {
            String full = prefix + (path.equals("/") && !prefix.isEmpty() ? "/" : path);
            String qualified = name.isEmpty() || namespace.isEmpty() ? name : namespace + ":" + name;
            state.addRoute(method, full, handler, qualified, own);
            return this;
        }

        @Override
        public Routes group(String childPrefix, Consumer<Routes> body) {
            return group(childPrefix, "", body);
        }

        @Override
        public Routes group(String childPrefix, String childNamespace, Consumer<Routes> body) {
            String ns = childNamespace.isEmpty() ? namespace : namespace.isEmpty() ? childNamespace : namespace + ":" + childNamespace;
            var inherited = new ChainedList(own);
            body.accept(new RouteGroup(state, prefix + normalizePrefix(childPrefix), ns, inherited));
            return this;
        }

        @Override
        public Routes api() {
            state.markApi(prefix);
            return this;
        }

        @Override
        public Routes use(Middleware middleware) {
            state.requireSetup("add middleware to the group " + prefix);
            own.add(middleware);
            return this;
        }
    }

    /** A child group's middleware list: the parent's (read live) followed by its own. */
    private static final class ChainedList extends java.util.AbstractList<Middleware> {
        private final List<Middleware> parent;
        private final List<Middleware> own = new ArrayList<>();

        ChainedList(List<Middleware> parent) {
            this.parent = parent;
        }

        @Override
        public Middleware get(int i) {
            return i < parent.size() ? parent.get(i) : own.get(i - parent.size());
        }

        @Override
        public int size() {
            return parent.size() + own.size();
        }

        @Override
        public boolean add(Middleware m) {
            return own.add(m);
        }
    }
}
