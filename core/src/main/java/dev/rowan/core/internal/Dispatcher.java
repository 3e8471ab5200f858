package dev.rowan.core.internal;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Context;
import dev.rowan.core.Cookie;
import dev.rowan.core.ExceptionHandler;
import dev.rowan.core.Handler;
import dev.rowan.core.HttpException;
import dev.rowan.core.HttpMethod;
import dev.rowan.core.Middleware;
import dev.rowan.core.Signer;
import dev.rowan.core.internal.body.FormLimits;
import dev.rowan.core.internal.routing.RouteMatch;
import dev.rowan.core.internal.routing.Router;
import dev.rowan.core.internal.session.CookieSessionStore;
import dev.rowan.core.internal.session.SessionImpl;
import dev.rowan.core.internal.staticfiles.FileSender;
import dev.rowan.core.spi.ErrorPageRenderer;
import dev.rowan.core.spi.JsonCodec;
import dev.rowan.core.spi.ServerExchange;
import dev.rowan.core.spi.ServerExchange.EncodedHeaders;
import dev.rowan.core.spi.SessionStore;
import dev.rowan.core.spi.TemplateRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Runs one exchange through host validation, middleware, routing and error handling, then sends
 * the buffered response with the security headers and the session cookie.
 */
public final class Dispatcher {
    private static final System.Logger ACCESS = System.getLogger("rowan.access");
    private static final System.Logger LOG = System.getLogger("rowan");

    private final App app;
    private final Router router;
    private final List<Middleware> middleware;
    private final Map<Class<?>, ExceptionHandler<?>> exceptionHandlers;
    private final ErrorResponder errors;
    private final long maxBodySize;
    private final FormLimits formLimits;
    private final Supplier<Signer> cookieSigner;
    private final Supplier<SessionStore> sessionStore;
    private final String sessionCookieName;
    private final Duration sessionMaxAge;
    private final Supplier<JsonCodec> json;
    private final Supplier<TemplateRenderer> templates;
    private final FileSender files;
    private final AllowedHosts allowedHosts;
    private final String[][] securityHeaders;
    private final EncodedHeaders encodedSecurityHeaders;
    private final String hsts;
    private final boolean trustProxy;
    private final boolean accessLog;
    /** False when no route is marked non-blocking, so the engine's question costs nothing. */
    private final boolean anyInline;

    public Dispatcher(App app, AppState state, Router router) {
        Config c = state.config();
        this.app = app;
        this.router = router;
        this.middleware = List.copyOf(state.middleware());
        this.exceptionHandlers = Map.copyOf(state.exceptionHandlers());
        this.errors = new ErrorResponder(Map.copyOf(state.errorPages()), ApiPaths.of(state.apiPrefixes()),
                memoize(() -> app.findService(ErrorPageRenderer.class)), router::routes, c.debug());
        this.maxBodySize = ServerSettings.maxBodySize(c);
        this.formLimits = FormLimits.from(c);
        // Signers derive their keys with HMAC: loading the JCE costs start-up time an app without cookies never needs.
        this.cookieSigner = memoize(() -> state.signer("rowan.cookies"));
        this.sessionMaxAge = c.getDuration("session.max-age", Duration.ofDays(14));
        this.sessionCookieName = c.get("session.cookie-name", "rowan_session");
        this.sessionStore = memoize(() -> app.findService(SessionStore.class)
                .orElseGet(() -> new CookieSessionStore(state.signer("rowan.sessions"), sessionMaxAge)));
        this.json = memoize(() -> app.findService(JsonCodec.class).or(() -> ServiceLoader.load(JsonCodec.class).findFirst())
                .orElseThrow(() -> new IllegalStateException("JSON needs a codec: add the dependency dev.rowan:rowan-json "
                        + "(it registers itself), or app.register(JsonCodec.class, yourCodec).")));
        this.templates = memoize(() -> app.findService(TemplateRenderer.class)
                .orElseThrow(() -> new IllegalStateException("ctx.render() needs templates: add dev.rowan:rowan-templates and "
                        + "app.install(TemplatesModule.create()).")));
        this.files = new FileSender(c);
        this.allowedHosts = AllowedHosts.from(c);
        this.securityHeaders = SecurityHeaders.defaults(c);
        this.encodedSecurityHeaders = SecurityHeaders.encoded(securityHeaders);
        Duration hstsAge = c.getDuration("security.hsts", Duration.ZERO);
        this.hsts = hstsAge.isZero() ? null : "max-age=" + hstsAge.toSeconds()
                + (c.getBoolean("security.hsts-subdomains", false) ? "; includeSubDomains" : "");
        this.trustProxy = c.getBoolean("server.trust-proxy", false);
        this.accessLog = c.getBoolean("server.access-log", !c.isTest());
        this.anyInline = router.routes().stream().anyMatch(r -> r.handler() instanceof Handler.NonBlocking);
    }

    App app() {
        return app;
    }

    public Router router() {
        return router;
    }

    FormLimits formLimits() {
        return formLimits;
    }

    Signer cookieSigner() {
        return cookieSigner.get();
    }

    SessionStore sessionStore() {
        return sessionStore.get();
    }

    String sessionCookieName() {
        return sessionCookieName;
    }

    JsonCodec json() {
        return json.get();
    }

    TemplateRenderer templates() {
        return templates.get();
    }

    FileSender files() {
        return files;
    }

    /** The scheme a trusted proxy forwarded, lower case; "" without {@code server.trust-proxy} or the header. */
    String forwardedProto(ServerExchange ex) {
        return trustProxy ? ForwardedHeaders.proto(ex.headers()).orElse("") : "";
    }

    /**
     * The client's address: behind a trusted proxy the one it forwarded in {@code X-Forwarded-For},
     * otherwise (or when it forwarded none) the connection's peer.
     */
    InetAddress clientAddress(ServerExchange ex) {
        InetAddress peer = ex.remoteAddress().getAddress();
        return trustProxy ? ForwardedHeaders.client(ex.headers()).orElse(peer) : peer;
    }

    // ------------------------------------------------------------------ the request path

    /**
     * True when the request would reach a route marked {@link Handler#nonBlocking}, so the engine
     * may run it on its network thread. Pure (routing does no I/O); a target this method cannot
     * parse answers false and takes the normal path, which produces the proper error.
     */
    public boolean runsInline(String method, String target) {
        if (!anyInline) {
            return false;
        }
        Optional<HttpMethod> m = HttpMethod.parse(method);
        if (m.isEmpty() || !target.startsWith("/") || RequestTarget.problem(target) != null) {
            return false;
        }
        int q = target.indexOf('?');
        Optional<String> path = Router.decodePath(q < 0 ? target : target.substring(0, q));
        return path.isPresent() && router.find(m.get(), path.get()) instanceof RouteMatch.Found f
                && f.route().handler() instanceof Handler.NonBlocking;
    }


    public void handle(ServerExchange ex) {
        long started = accessLog ? System.nanoTime() : 0;
        RequestContext ctx = null;
        try {
            ctx = newContext(ex);
            if (ctx == null) {
                return;
            }
            try {
                allowedHosts.check(ctx.rawHost());
                refuseUnservable(ctx);
                runChain(ctx);
            } catch (Throwable t) {
                handleError(ctx, t);
            }
            finish(ctx);
        } catch (IOException | UncheckedIOException e) {
            // The client went away mid-response; nothing more can be said to it.
            ex.closeAfterResponse();
        } finally {
            if (ctx != null) {
                ctx.closeForm();
                if (accessLog) {
                    logAccess(ex, ctx, started);
                }
            }
        }
    }

    private RequestContext newContext(ServerExchange ex) throws IOException {
        Optional<HttpMethod> parsed = HttpMethod.parse(ex.method());
        if (parsed.isEmpty()) {
            sendPlain(ex, 501, "The method " + ex.method() + " is not implemented by this server.");
            return null;
        }
        HttpMethod method = parsed.get();
        String target = ex.target();
        if (target.equals("*") && method == HttpMethod.OPTIONS) {
            sendPlain(ex, 204, "");
            return null;
        }
        String problem = RequestTarget.problem(target);
        if (problem != null) {
            // Answered by the app's error page (or JSON under an API prefix), like an undecodable path.
            int q = target.indexOf('?');
            String rawPath = target.startsWith("/") ? (q < 0 ? target : target.substring(0, q)) : "/";
            return refused(new RequestContext(this, ex, method, rawPath, "", ex.headers().first("Host").orElseGet(allowedHosts::defaultHost)), problem);
        }
        // RFC 9112 §3.2.2: an absolute-form target names the host, and the Host header is ignored.
        String host = RequestTarget.authority(target);
        if (host != null) {
            int pathStart = RequestTarget.pathStart(target);
            target = pathStart == target.length() || target.charAt(pathStart) == '?' ? "/" + target.substring(pathStart) : target.substring(pathStart);
        } else {
            host = ex.headers().first("Host").orElseGet(allowedHosts::defaultHost);
        }
        if (!target.startsWith("/")) {
            sendPlain(ex, 400, "The request target must be a path starting with '/' or an http(s) URL.");
            return null;
        }
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        Optional<String> path = Router.decodePath(rawPath);
        if (path.isEmpty()) {
            // Answered by the app's error page (or JSON under an API prefix), which needs a context: it gets the raw path.
            return refused(new RequestContext(this, ex, method, rawPath, query, host),
                    "The URL path has a malformed or forbidden percent-escape (%2F, %00 or invalid UTF-8).");
        }
        return new RequestContext(this, ex, method, path.get(), query, host);
    }

    private static RequestContext refused(RequestContext ctx, String why) {
        ctx.refusal = why;
        return ctx;
    }

    /**
     * Requests refused before middleware and routing, with the app's error page: a path that cannot be
     * decoded, and a declared body over the limit (the engine has not read it and closes the connection).
     */
    private void refuseUnservable(RequestContext ctx) {
        if (ctx.refusal != null) {
            // A target the server cannot read is a client it should not trust with the rest of the stream.
            ctx.exchange().closeAfterResponse();
            throw HttpException.badRequest(ctx.refusal);
        }
        long length = ctx.exchange().contentLength();
        if (length > maxBodySize) {
            ctx.exchange().closeAfterResponse();
            throw HttpException.payloadTooLarge("The request body of " + length + " bytes is larger than the limit of "
                    + maxBodySize + " bytes.");
        }
    }

    private void runChain(RequestContext ctx) throws Exception {
        if (middleware.isEmpty()) {
            route(ctx);
        } else {
            new Chain(ctx, middleware, () -> route(ctx)).proceed();
        }
    }

    private void route(RequestContext ctx) throws Exception {
        switch (ctx.match()) {
            case RouteMatch.Found f -> {
                ctx.pathParams(f.params());
                List<Middleware> own = f.route().middleware();
                if (own.isEmpty()) {
                    f.route().handler().handle(ctx);
                } else {
                    new Chain(ctx, own, () -> f.route().handler().handle(ctx)).proceed();
                }
            }
            case RouteMatch.MethodNotAllowed na -> {
                String allow = String.join(", ", na.allowed());
                if (ctx.method() == HttpMethod.OPTIONS) {
                    ctx.status(204).header("Allow", allow);
                    ctx.body = RequestContext.EMPTY;
                } else {
                    throw HttpException.methodNotAllowed(allow);
                }
            }
            case RouteMatch.AddSlash s -> ctx.redirect(s.location() + (ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString()), 308);
            case RouteMatch.NotFound nf -> throw HttpException.notFound("There is no page at " + ctx.path() + ".");
        }
    }

    /** One middleware chain walk; {@code proceed} moves one step inward. */
    private static final class Chain implements Middleware.Next {
        private final Context ctx;
        private final List<Middleware> steps;
        private final Middleware.Next terminal;
        private int index;

        Chain(Context ctx, List<Middleware> steps, Middleware.Next terminal) {
            this.ctx = ctx;
            this.steps = steps;
            this.terminal = terminal;
        }

        @Override
        public void proceed() throws Exception {
            if (index < steps.size()) {
                steps.get(index++).handle(ctx, this);
            } else if (index++ == steps.size()) {
                terminal.proceed();
            } else {
                throw new IllegalStateException("next.proceed() was called twice in one middleware");
            }
        }
    }

    // ------------------------------------------------------------------ errors

    private void handleError(RequestContext ctx, Throwable t) throws IOException {
        if (clientLeft(t)) {
            // A closed tab or a cancelled download: nothing is wrong with the app, and no one is left to answer.
            LOG.log(System.Logger.Level.DEBUG, () -> "The client closed the connection during the response to "
                    + ctx.method() + " " + ctx.path() + ": " + t.getMessage());
            ctx.exchange().closeAfterResponse();
            ctx.committed = true;
            return;
        }
        if (ctx.committed) {
            LOG.log(System.Logger.Level.ERROR, "Error after the response was committed for " + ctx.path(), t);
            ctx.exchange().closeAfterResponse();
            return;
        }
        if (t instanceof Exception e && runExceptionHandler(ctx, e)) {
            return;
        }
        HttpException http = asHttpOrNull(t);
        if (http != null) {
            errorResponse(ctx, http.status(), http.getMessage(), null);
            http.headers().forEach(ctx::header);
            return;
        }
        String id = ErrorIds.next();
        LOG.log(System.Logger.Level.ERROR, "Server error " + id + " on " + ctx.method() + " " + ctx.path(), t);
        errorResponse(ctx, 500, "Something went wrong on our side. If it keeps happening, quote error id " + id + ".", t);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean runExceptionHandler(RequestContext ctx, Exception e) {
        for (Class<?> c = e.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            ExceptionHandler h = exceptionHandlers.get(c);
            if (h != null) {
                try {
                    ctx.status(500);
                    h.handle(e, ctx);
                    return true;
                } catch (HttpException translated) {
                    // A handler that maps a domain exception to a status answers with the app's own error page.
                    errorResponse(ctx, translated.status(), translated.getMessage(), null);
                    translated.headers().forEach(ctx::header);
                    return true;
                } catch (Exception inner) {
                    LOG.log(System.Logger.Level.ERROR, "The exception handler for " + c.getName() + " failed", inner);
                    return false;
                }
            }
        }
        return false;
    }

    private void errorResponse(RequestContext ctx, int status, String message, Throwable cause) {
        errors.write(ctx, status, message, cause);
    }

    private static boolean clientLeft(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServerExchange.ClientDisconnectedException) {
                return true;
            }
        }
        return false;
    }

    static HttpException asHttpOrNull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpException h) {
                return h;
            }
            if (c instanceof ServerExchange.BodyTooLargeException b) {
                return HttpException.payloadTooLarge(b.getMessage());
            }
            if (c instanceof JsonCodec.MalformedJsonException m) {
                return HttpException.badRequest(m.getMessage());
            }
        }
        return null;
    }

    /** An I/O failure while reading the request: the body limit becomes 413, anything else 400. */
    static RuntimeException asHttp(IOException e) {
        HttpException h = asHttpOrNull(e);
        return h != null ? h : HttpException.badRequest("The request body could not be read: " + e.getMessage());
    }

    // ------------------------------------------------------------------ sending

    private void finish(RequestContext ctx) throws IOException {
        if (ctx.committed) {
            return;
        }
        try {
            beforeCommit(ctx);
        } catch (RuntimeException e) {
            // Saving the session failed (a server-side store is down): a success whose session change
            // was lost must not be sent; the store's error is answered instead, without the session.
            ctx.abandonAnswerAndSession();
            handleError(ctx, e);
            beforeCommit(ctx);
        }
        ctx.committed = true;
        ctx.exchange().send(ctx.status, ctx.responseHeaders, ctx.body);
    }

    /** Last changes before headers leave: security headers, HSTS, the session cookie. */
    void beforeCommit(RequestContext ctx) {
        ResponseHeaders h = ctx.responseHeaders;
        h.addDefaults(securityHeaders, encodedSecurityHeaders);
        if (hsts != null && ctx.isSecure()) {
            h.setIfAbsent("Strict-Transport-Security", hsts);
        }
        SessionImpl session = ctx.sessionIfUsed();
        if (session != null) {
            h.setIfAbsent("Vary", "Cookie");
            switch (session.commit(sessionMaxAge)) {
                case SessionImpl.Write w -> h.add("Set-Cookie", Cookie.of(sessionCookieName, w.cookieValue())
                        .withMaxAge(sessionMaxAge).toHeader(ctx.isSecure()));
                case SessionImpl.Expire e -> h.add("Set-Cookie", Cookie.expired(sessionCookieName).toHeader(ctx.isSecure()));
                case SessionImpl.Keep k -> {
                }
            }
        }
    }

    private void sendPlain(ServerExchange ex, int status, String message) throws IOException {
        var h = new ResponseHeaders();
        h.addDefaults(securityHeaders, encodedSecurityHeaders);
        h.set("Content-Type", "text/plain; charset=utf-8");
        if (status == 204) {
            h.set("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
        if (status >= 400) {
            ex.closeAfterResponse();
        }
        ex.send(status, h, message.getBytes(StandardCharsets.UTF_8));
    }

    private void logAccess(ServerExchange ex, RequestContext ctx, long started) {
        double ms = (System.nanoTime() - started) / 1_000_000.0;
        String size = ctx.streamed ? "-" : Integer.toString(ctx.body.length);
        ACCESS.log(System.Logger.Level.INFO, () -> String.format("%s \"%s %s\" %d %s %.1fms",
                clientAddress(ex).getHostAddress(), ex.method(), ex.target(), ctx.status, size, ms));
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = s.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
