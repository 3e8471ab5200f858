package dev.rowan.core.internal;

import dev.rowan.core.App;
import dev.rowan.core.Context;
import dev.rowan.core.Cookie;
import dev.rowan.core.Headers;
import dev.rowan.core.HttpException;
import dev.rowan.core.HttpMethod;
import dev.rowan.core.Key;
import dev.rowan.core.Param;
import dev.rowan.core.Session;
import dev.rowan.core.UploadedFile;
import dev.rowan.core.internal.body.FormBody;
import dev.rowan.core.internal.body.FormData;
import dev.rowan.core.internal.body.UrlEncoded;
import dev.rowan.core.internal.routing.RouteMatch;
import dev.rowan.core.internal.session.SessionImpl;
import dev.rowan.core.spi.JsonCodec;
import dev.rowan.core.spi.ServerExchange;
import dev.rowan.core.spi.TemplateRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one {@link Context} implementation: request state read lazily, response buffered until commit. */
public final class RequestContext implements RequestContextAccess {
    static final byte[] EMPTY = new byte[0];

    private final Dispatcher dispatcher;
    private final ServerExchange exchange;
    private final HttpMethod method;
    private final String path;
    private final String query;
    private final String host;
    private Map<String, Object[]> pathParams = Map.of();
    private RouteMatch match;
    /** Why the request is refused before routing (a path or target that cannot be decoded; {@link #path()} is then raw and nothing is routed); null when it is not. */
    String refusal;

    private Map<String, List<String>> queryParams;
    private FormData form;
    private Map<String, String> requestCookies;
    private Map<Key<?>, Object> attributes;
    private SessionImpl session;
    private boolean bodyConsumed;

    int status = 200;
    final ResponseHeaders responseHeaders = new ResponseHeaders();
    byte[] body = EMPTY;
    boolean committed;
    /** True when the body was streamed, so its size is not known here (the access log shows "-"). */
    boolean streamed;

    /**
     * {@code host}: the host and port the request names (the absolute-form target's, else the Host
     * header, else the default host of HTTP/1.0 without Host); {@code null} when it names none.
     */
    RequestContext(Dispatcher dispatcher, ServerExchange exchange, HttpMethod method, String path, String query, String host) {
        this.dispatcher = dispatcher;
        this.exchange = exchange;
        this.method = method;
        this.path = path;
        this.query = query;
        this.host = host;
    }

    void pathParams(Map<String, Object[]> params) {
        this.pathParams = params;
    }

    ServerExchange exchange() {
        return exchange;
    }

    @Override
    public Optional<dev.rowan.core.Handler> routeHandler() {
        return match() instanceof RouteMatch.Found f ? Optional.of(f.route().handler()) : Optional.empty();
    }

    /**
     * The router's answer for this request, looked up once: app-wide middleware may ask before the
     * dispatcher routes (CSRF asks for the handler), and both must see the same, single lookup.
     */
    RouteMatch match() {
        if (match == null) {
            match = refusal != null ? RouteMatch.NOT_FOUND : dispatcher.router().find(method, path);
        }
        return match;
    }

    SessionImpl sessionIfUsed() {
        return session;
    }

    /**
     * The session store failed as the answer was about to leave: what the handler answered is
     * dropped with the session change it depended on, so the error can be answered in its place.
     */
    void abandonAnswerAndSession() {
        session = null;
        status = 200;
        body = EMPTY;
        responseHeaders.clear();
    }


    // ------------------------------------------------------------------ request

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String queryString() {
        return query;
    }

    @Override
    public String scheme() {
        return isSecure() ? "https" : "http";
    }

    @Override
    public boolean isSecure() {
        return exchange.isSecure() || dispatcher.forwardedProto(exchange).equals("https");
    }

    @Override
    public String host() {
        // Checked by allowed hosts before any handler runs, so it is well-formed here.
        return host == null || !HostSyntax.isValid(host) ? "" : HostSyntax.name(host);
    }

    /** The host as the request named it, with its port; {@code null} when it named none. */
    String rawHost() {
        return host;
    }

    @Override
    public String origin() {
        return scheme() + "://" + (host == null ? "" : host);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return exchange.remoteAddress();
    }

    @Override
    public InetAddress clientAddress() {
        return dispatcher.clientAddress(exchange);
    }

    @Override
    public Headers headers() {
        return exchange.headers();
    }

    @Override
    public Param header(String name) {
        return Param.of("header", name, exchange.headers().first(name).orElse(null));
    }

    @Override
    public Optional<String> contentType() {
        return exchange.headers().first("Content-Type").map(FormBody::mediaType);
    }

    @Override
    public Optional<String> accepts(String... offered) {
        return Negotiation.best(exchange.headers().first("Accept").orElse(null), offered);
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public Param pathParam(String name) {
        Object[] v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("This route has no path parameter '" + name + "'; it has " + pathParams.keySet());
        }
        return Param.converted(name, (String) v[0], v[1]);
    }

    @Override
    public Map<String, String> pathParams() {
        var out = new LinkedHashMap<String, String>();
        pathParams.forEach((k, v) -> out.put(k, (String) v[0]));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Param query(String name) {
        List<String> values = queryParams().get(name);
        return Param.of("query parameter", name, values == null ? null : values.get(0));
    }

    @Override
    public List<String> queryAll(String name) {
        return queryParams().getOrDefault(name, List.of());
    }

    @Override
    public Map<String, List<String>> queryParams() {
        if (queryParams == null) {
            queryParams = UrlEncoded.parse(query, dispatcher.formLimits().maxFields(), "query string");
        }
        return queryParams;
    }

    @Override
    public Param form(String name) {
        List<String> values = formData().fields().get(name);
        return Param.of("form field", name, values == null ? null : values.get(0));
    }

    @Override
    public List<String> formAll(String name) {
        return formData().fields().getOrDefault(name, List.of());
    }

    @Override
    public Map<String, List<String>> formParams() {
        return formData().fields();
    }

    @Override
    public Optional<UploadedFile> file(String name) {
        return files(name).stream().findFirst();
    }

    @Override
    public List<UploadedFile> files(String name) {
        return formData().files().getOrDefault(name, List.of());
    }

    FormData formData() {
        if (form == null) {
            if (bodyConsumed) {
                form = FormData.EMPTY;
            } else {
                bodyConsumed = true;
                try {
                    form = FormBody.parse(exchange.headers().first("Content-Type"), exchange.body(), dispatcher.formLimits());
                } catch (IOException e) {
                    throw Dispatcher.asHttp(e);
                }
            }
        }
        return form;
    }

    void closeForm() {
        if (form != null) {
            form.close();
        }
    }

    @Override
    public Param cookie(String name) {
        return Param.of("cookie", name, cookies().get(name));
    }

    Map<String, String> cookies() {
        if (requestCookies == null) {
            requestCookies = CookieParser.parse(exchange.headers().all("Cookie"));
        }
        return requestCookies;
    }

    @Override
    public Optional<String> signedCookie(String name) {
        // The signature covers "name=value" (see signedCookie(Cookie)), so a value signed for one
        // cookie is refused in another; the name is not in the cookie value, so put it back to verify.
        String prefix = name + "=";
        return Optional.ofNullable(cookies().get(name)).flatMap(v -> dispatcher.cookieSigner().unsign(prefix + v))
                .map(v -> v.substring(prefix.length()));
    }

    // ------------------------------------------------------------------ body

    @Override
    public byte[] bodyBytes() {
        try {
            return bodyStream().readAllBytes();
        } catch (IOException e) {
            throw Dispatcher.asHttp(e);
        }
    }

    @Override
    public String bodyString() {
        return new String(bodyBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public InputStream bodyStream() {
        if (bodyConsumed) {
            throw new IllegalStateException("The request body was already read (as a form or stream); read it once");
        }
        bodyConsumed = true;
        return exchange.body();
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        return type.cast(bodyAs((Type) type));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T bodyAs(Type type) {
        JsonCodec codec = dispatcher.json();
        try (InputStream in = bodyStream()) {
            return (T) codec.read(in, type);
        } catch (JsonCodec.MalformedJsonException e) {
            throw HttpException.badRequest(e.getMessage());
        } catch (IOException e) {
            throw Dispatcher.asHttp(e);
        }
    }

    // ------------------------------------------------------------------ state

    @Override
    public <T> Optional<T> get(Key<T> key) {
        return attributes == null ? Optional.empty() : Optional.ofNullable(key.type().cast(attributes.get(key)));
    }

    @Override
    public <T> Context set(Key<T> key, T value) {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        attributes.put(key, key.type().cast(value));
        return this;
    }

    @Override
    public Session session() {
        if (session == null) {
            session = new SessionImpl(dispatcher.sessionStore(), Optional.ofNullable(cookies().get(dispatcher.sessionCookieName())));
        }
        return session;
    }

    @Override
    public App app() {
        return dispatcher.app();
    }

    @Override
    public String url(String routeName, Object... args) {
        return dispatcher.router().reverse(routeName, args);
    }

    @Override
    public <T> T service(Class<T> type) {
        return dispatcher.app().service(type);
    }

    // ------------------------------------------------------------------ response

    @Override
    public Context status(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("HTTP status must be 100-599, got " + code);
        }
        requireNotCommitted();
        this.status = code;
        return this;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Context header(String name, String value) {
        requireNotCommitted();
        responseHeaders.set(name, value);
        return this;
    }

    @Override
    public Context addHeader(String name, String value) {
        requireNotCommitted();
        responseHeaders.add(name, value);
        return this;
    }

    @Override
    public Optional<String> responseHeader(String name) {
        return responseHeaders.get(name);
    }

    @Override
    public Context contentType(String mediaType) {
        return header("Content-Type", mediaType);
    }

    @Override
    public Context cookie(Cookie cookie) {
        return addHeader("Set-Cookie", cookie.toHeader(isSecure()));
    }

    @Override
    public Context signedCookie(Cookie cookie) {
        String signed = dispatcher.cookieSigner().sign(cookie.name() + "=" + cookie.value());
        String value = signed.substring(cookie.name().length() + 1);
        return cookie(new Cookie(cookie.name(), value, cookie.maxAge(), cookie.path(), cookie.domain(), cookie.secure(),
                cookie.httpOnly(), cookie.sameSite()));
    }

    @Override
    public Context removeCookie(String name) {
        return cookie(Cookie.expired(name));
    }

    @Override
    public Context text(String text) {
        return body("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Context html(String html) {
        return body("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Context bytes(byte[] bytes) {
        requireNotCommitted();
        responseHeaders.setIfAbsent("Content-Type", "application/octet-stream");
        this.body = bytes;
        return this;
    }

    Context body(String contentType, byte[] bytes) {
        requireNotCommitted();
        responseHeaders.set("Content-Type", contentType);
        this.body = bytes;
        return this;
    }

    @Override
    public Context json(Object value) {
        return body("application/json", dispatcher.json().toBytes(value));
    }

    @Override
    public Context render(String template, Map<String, ?> model) {
        TemplateRenderer renderer = dispatcher.templates();
        var out = new java.io.ByteArrayOutputStream(4096);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            renderer.render(template, model, this, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body(responseHeaders.get("Content-Type").orElse("text/html; charset=utf-8"), out.toByteArray());
    }

    @Override
    public Context redirect(String location) {
        return redirect(location, 302);
    }

    @Override
    public Context redirect(String location, int code) {
        if (code < 300 || code > 399) {
            throw new IllegalArgumentException("Redirects use a 3xx status, got " + code);
        }
        status(code);
        header("Location", location);
        this.body = EMPTY;
        return this;
    }

    @Override
    public void stream(String contentType, BodyWriter writer) throws IOException {
        header("Content-Type", contentType);
        try (OutputStream out = commitStreaming(-1)) {
            writer.write(out);
        }
    }

    @Override
    public OutputStream commit(long contentLength) throws IOException {
        return commitStreaming(contentLength);
    }

    /** Commits status and headers now and returns the body stream (HEAD: a stream that discards). */
    OutputStream commitStreaming(long contentLength) throws IOException {
        requireNotCommitted();
        dispatcher.beforeCommit(this);
        committed = true;
        streamed = true;
        OutputStream out = exchange.startStreaming(status, responseHeaders, contentLength);
        return method == HttpMethod.HEAD ? OutputStream.nullOutputStream() : out;
    }

    @Override
    public void file(Path file) throws IOException {
        dispatcher.files().send(this, file, Optional.empty());
    }

    @Override
    public void download(Path file, String downloadName) throws IOException {
        dispatcher.files().send(this, file, Optional.of(downloadName));
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    private void requireNotCommitted() {
        if (committed) {
            throw new IllegalStateException("The response was already sent (streamed); status and headers can no longer change");
        }
    }
}
