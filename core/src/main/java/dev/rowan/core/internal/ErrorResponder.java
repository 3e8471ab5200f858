package dev.rowan.core.internal;

import dev.rowan.core.Handler;
import dev.rowan.core.internal.routing.Route;
import dev.rowan.core.spi.ErrorPageRenderer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes the body of an error response, first that applies: JSON under an API prefix; the app's
 * own handler for the status ({@code app.error(404, ...)}); JSON when the client prefers it; in
 * debug mode the developer pages (500 with the exception, 404 with the routes); the app's error
 * template ({@link ErrorPageRenderer}); the built-in page.
 */
final class ErrorResponder {
    private static final System.Logger LOG = System.getLogger("rowan");

    private final Map<Integer, Handler> handlers;
    private final ApiPaths api;
    private final Supplier<Optional<ErrorPageRenderer>> templates;
    private final Supplier<List<Route>> routes;
    private final boolean debug;

    ErrorResponder(Map<Integer, Handler> handlers, ApiPaths api, Supplier<Optional<ErrorPageRenderer>> templates,
                   Supplier<List<Route>> routes, boolean debug) {
        this.handlers = handlers;
        this.api = api;
        this.templates = templates;
        this.routes = routes;
        this.debug = debug;
    }

    boolean isApi(RequestContext ctx) {
        return !api.isEmpty() && api.covers(ctx.path());
    }

    /** {@code cause} is the unexpected exception behind a 500, or null. */
    void write(RequestContext ctx, int status, String message, Throwable cause) {
        reset(ctx, status);
        if (isApi(ctx)) {
            json(ctx, status, message, cause);
            return;
        }
        if (!(debug && cause != null) && runAppHandler(ctx, status)) {
            return;
        }
        switch (ctx.accepts("text/html", "application/json", "text/plain").orElse("text/plain")) {
            case "application/json" -> json(ctx, status, message, cause);
            case "text/html" -> html(ctx, status, message, cause);
            default -> ctx.body("text/plain; charset=utf-8", ErrorPages.text(status, message));
        }
    }

    private static void reset(RequestContext ctx, int status) {
        ctx.status = status;
        ctx.responseHeaders.remove("Content-Type");
        ctx.responseHeaders.remove("Content-Disposition");
        ctx.body = RequestContext.EMPTY;
    }

    private boolean runAppHandler(RequestContext ctx, int status) {
        Handler page = handlers.get(status);
        if (page == null) {
            return false;
        }
        try {
            page.handle(ctx);
            ctx.status = status;
            return true;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "The error page for " + status + " failed", e);
            reset(ctx, status);
            return false;
        }
    }

    private void json(RequestContext ctx, int status, String message, Throwable cause) {
        // The exception's class and message help a developer calling the API; production never shows them.
        String exception = debug && cause != null ? cause.getClass().getName() + ": " + cause.getMessage() : null;
        ctx.body("application/json", ErrorPages.json(status, message, exception));
    }

    private void html(RequestContext ctx, int status, String message, Throwable cause) {
        if (debug && cause != null) {
            ctx.body("text/html; charset=utf-8", DebugPage.render(ctx, cause).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (debug && status == 404) {
            ctx.body("text/html; charset=utf-8", DebugNotFoundPage.render(ctx, message, routes.get()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<String> own = appTemplate(ctx, status, message);
        ctx.body("text/html; charset=utf-8", own.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> ErrorPages.html(status, message)));
    }

    private Optional<String> appTemplate(RequestContext ctx, int status, String message) {
        try {
            return templates.get().flatMap(t -> t.render(new ErrorPageRenderer.ErrorPage(status, ErrorPages.reason(status), message), ctx));
        } catch (RuntimeException e) {
            // A broken error template must not hide the error it reports: log it, answer with the built-in page.
            LOG.log(System.Logger.Level.ERROR, "The error template for " + status + " failed; answering with the built-in page", e);
            return Optional.empty();
        }
    }
}
