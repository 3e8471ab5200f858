package dev.rowan.core;

import java.util.function.Consumer;

/**
 * Where routes are registered: the {@link App} itself and every {@link #group route group}.
 * Path patterns use {@code {name}} for one segment and {@code {name:type}} for a typed one;
 * built-in types are {@code str}, {@code int}, {@code long}, {@code uuid}, {@code slug} and
 * {@code path} (the rest of the path, slashes included).
 *
 * <pre>{@code
 * app.group("/polls", "polls", polls -> {
 *     polls.get("/", views::index, "index");
 *     polls.get("/{id:int}/", views::detail, "detail");
 *     polls.post("/{id:int}/vote/", views::vote, "vote");
 * });
 * }</pre>
 */
public interface Routes {

    /** Registers {@code handler} for {@code method} and {@code path}; {@code name} may be empty. */
    Routes route(HttpMethod method, String path, Handler handler, String name);

    /** Routes whose paths start with {@code prefix}, registered by {@code body}. */
    Routes group(String prefix, Consumer<Routes> body);

    /** Like {@link #group(String, Consumer)}; names inside become {@code namespace:name}. */
    Routes group(String prefix, String namespace, Consumer<Routes> body);

    /**
     * Marks the routes registered here as an API: every error under this prefix is answered as JSON,
     * {@code {"error": "...", "status": 404}}, whatever the client's {@code Accept} header says. That
     * covers errors no handler sees too: a path under the prefix that matches no route (404, 405), a
     * path that cannot be decoded ({@code %00}, {@code %2F}: 400) and a body over the size limit (413).
     * On the app itself, it marks every path. A prefix with a parameter ({@code /api/{version}}) is
     * matched by its literal part before the first parameter.
     *
     * <pre>{@code
     * app.group("/api", "api", api -> api.api()
     *         .get("/items/{id:int}", items::show, "item"));
     * }</pre>
     */
    Routes api();

    /** Middleware around every route registered here (for the app: around every request). */
    Routes use(Middleware middleware);

    /**
     * Handles exceptions of {@code type} (and subclasses) thrown by the routes registered here and
     * their middleware, like a Flask blueprint's error handler: an API group can answer every error
     * in JSON while the pages around it keep HTML error pages. What the handler does not take goes
     * on to outer groups and then the app's handlers. Requests that match no route here (404, 405)
     * never reach a group; for the app, see {@link App#exception}.
     *
     * <pre>{@code
     * app.group("/api", api -> api
     *         .exception(HttpException.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())))
     *         .get("/items/{id:int}", items::show));
     * }</pre>
     */
    default <E extends Exception> Routes exception(Class<E> type, ExceptionHandler<? super E> handler) {
        return use((ctx, next) -> {
            try {
                next.proceed();
            } catch (Exception e) {
                if (!type.isInstance(e)) {
                    throw e;
                }
                handler.handle(type.cast(e), ctx);
            }
        });
    }

    default Routes before(Handler handler) {
        return use((ctx, next) -> {
            handler.handle(ctx);
            next.proceed();
        });
    }

    /** Runs after the handler returned normally. */
    default Routes after(Handler handler) {
        return use((ctx, next) -> {
            next.proceed();
            handler.handle(ctx);
        });
    }

    default Routes get(String path, Handler handler) {
        return route(HttpMethod.GET, path, handler, "");
    }

    default Routes get(String path, Handler handler, String name) {
        return route(HttpMethod.GET, path, handler, name);
    }

    default Routes post(String path, Handler handler) {
        return route(HttpMethod.POST, path, handler, "");
    }

    default Routes post(String path, Handler handler, String name) {
        return route(HttpMethod.POST, path, handler, name);
    }

    default Routes put(String path, Handler handler) {
        return route(HttpMethod.PUT, path, handler, "");
    }

    default Routes put(String path, Handler handler, String name) {
        return route(HttpMethod.PUT, path, handler, name);
    }

    default Routes patch(String path, Handler handler) {
        return route(HttpMethod.PATCH, path, handler, "");
    }

    default Routes patch(String path, Handler handler, String name) {
        return route(HttpMethod.PATCH, path, handler, name);
    }

    default Routes delete(String path, Handler handler) {
        return route(HttpMethod.DELETE, path, handler, "");
    }

    default Routes delete(String path, Handler handler, String name) {
        return route(HttpMethod.DELETE, path, handler, name);
    }

    default Routes head(String path, Handler handler) {
        return route(HttpMethod.HEAD, path, handler, "");
    }

    default Routes options(String path, Handler handler) {
        return route(HttpMethod.OPTIONS, path, handler, "");
    }
}
