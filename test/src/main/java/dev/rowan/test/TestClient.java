package dev.rowan.test;

import dev.rowan.core.App;
import dev.rowan.core.spi.JsonCodec;
import dev.rowan.test.internal.CookieJar;
import dev.rowan.test.internal.MemoryTransport;
import dev.rowan.test.internal.SocketTransport;
import dev.rowan.test.internal.Wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Sends requests to an {@link App} the way a browser would, keeping cookies between requests. By
 * default it calls the app in memory (no socket, the handler runs on the test's thread, so a
 * breakpoint in a handler just works); {@link #overSocket(App)} starts the app on a free port and
 * talks real HTTP with the same API.
 *
 * <pre>{@code
 * var client = TestClient.of(app);
 * TestResponse res = client.post("/login", Map.of("user", "ada", "password", "secret"));
 * assertThat(res.redirectLocation()).contains("/");
 * assertThat(client.get("/").text()).contains("Hello, ada");
 * }</pre>
 */
public final class TestClient implements AutoCloseable {
    private static final int MAX_REDIRECTS = 10;

    private final App app;
    private final Wire.Transport transport;
    private final CookieJar cookies = new CookieJar();
    private final Supplier<Optional<JsonCodec>> codec;
    private final List<Wire.Header> defaultHeaders = new ArrayList<>();
    private String host = "localhost";
    private boolean followRedirects;

    private TestClient(App app, Wire.Transport transport) {
        this.app = app;
        this.transport = transport;
        this.codec = () -> app.findService(JsonCodec.class).or(() -> ServiceLoader.load(JsonCodec.class).findFirst());
    }

    /** An in-memory client for {@code app}. */
    public static TestClient of(App app) {
        return new TestClient(app, new MemoryTransport(app));
    }

    /**
     * A client over a real socket: starts {@code app} on a free loopback port unless it is already
     * serving; {@link #close()} stops it again if this client started it.
     */
    public static TestClient overSocket(App app) {
        return new TestClient(app, new SocketTransport(app));
    }

    public App app() {
        return app;
    }

    /** Follows 3xx responses (up to 10) when on; off by default so tests can check redirects. */
    public TestClient followRedirects(boolean follow) {
        this.followRedirects = follow;
        return this;
    }

    /** The Host header sent (in memory; over a socket the JDK client sets it). Default {@code localhost}. */
    public TestClient host(String hostHeader) {
        this.host = hostHeader;
        return this;
    }

    /**
     * The origin of the app's own pages as this client reaches them, e.g. {@code http://localhost}
     * in memory: what a browser sends as {@code Origin} when a page posts to its own site.
     *
     * <pre>{@code
     * client.request("POST", "/upload").header("Origin", client.origin()).multipart(parts).send();
     * }</pre>
     */
    public String origin() {
        return transport.origin(host);
    }

    /** A header sent with every request from now on. */
    public TestClient defaultHeader(String name, String value) {
        defaultHeaders.add(new Wire.Header(name, value));
        return this;
    }

    // ---------------------------------------------------------------- shortcuts

    public TestResponse get(String path) {
        return request("GET", path).send();
    }

    public TestResponse head(String path) {
        return request("HEAD", path).send();
    }

    public TestResponse options(String path) {
        return request("OPTIONS", path).send();
    }

    /** POSTs {@code form} URL-encoded, as an HTML form does. */
    public TestResponse post(String path, Map<String, ?> form) {
        return request("POST", path).form(form).send();
    }

    /** POSTs JSON: a String is sent as is, anything else is encoded with the app's JSON codec. */
    public TestResponse postJson(String path, Object json) {
        return request("POST", path).json(json).send();
    }

    public TestResponse put(String path, Map<String, ?> form) {
        return request("PUT", path).form(form).send();
    }

    public TestResponse putJson(String path, Object json) {
        return request("PUT", path).json(json).send();
    }

    public TestResponse patch(String path, Map<String, ?> form) {
        return request("PATCH", path).form(form).send();
    }

    public TestResponse patchJson(String path, Object json) {
        return request("PATCH", path).json(json).send();
    }

    public TestResponse delete(String path) {
        return request("DELETE", path).send();
    }

    /** A request to build up with headers and a body, then {@link TestRequest#send()}. */
    public TestRequest request(String method, String path) {
        return new TestRequest(this, method, path);
    }

    // ---------------------------------------------------------------- cookies

    /** The cookies the client holds, by name. */
    public Map<String, String> cookies() {
        return cookies.asMap();
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.asMap().get(name));
    }

    /** Puts a cookie into the jar as if the app had set it with {@code Path=/}. */
    public TestClient setCookie(String name, String value) {
        cookies.put(name, value, "/");
        return this;
    }

    public TestClient removeCookie(String name) {
        cookies.remove(name);
        return this;
    }

    public TestClient clearCookies() {
        cookies.clear();
        return this;
    }

    /** Stops the app if {@link #overSocket} started it. */
    @Override
    public void close() {
        transport.close();
    }

    // ---------------------------------------------------------------- sending

    Optional<JsonCodec> codec() {
        return codec.get();
    }

    JsonCodec requireCodec() {
        return codec().orElseThrow(() -> new IllegalStateException("JSON needs a codec: add the test dependency dev.rowan:rowan-json, "
                + "or app.register(JsonCodec.class, yourCodec)."));
    }

    TestResponse send(TestRequest r) {
        String method = r.method();
        String target = r.target();
        byte[] body = r.body();
        List<Wire.Header> extra = r.headers();
        for (int hop = 0; ; hop++) {
            TestResponse res = exchange(method, target, extra, body, r.isSecure());
            Optional<String> location = res.redirectLocation();
            if (!followRedirects || location.isEmpty()) {
                return res;
            }
            if (hop == MAX_REDIRECTS) {
                throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects, the last to " + location.get());
            }
            target = resolve(target, location.get());
            // 307/308 repeat the request; the older codes turn it into a GET, as browsers do.
            if (res.status() != 307 && res.status() != 308 && !method.equals("HEAD")) {
                method = "GET";
                body = new byte[0];
                extra = extra.stream().filter(h -> !h.name().equalsIgnoreCase("Content-Type")).toList();
            }
        }
    }

    private TestResponse exchange(String method, String target, List<Wire.Header> extra, byte[] body, boolean secure) {
        var headers = new ArrayList<Wire.Header>();
        headers.add(new Wire.Header("Host", host));
        headers.addAll(defaultHeaders);
        headers.addAll(extra);
        String path = pathOf(target);
        cookies.headerFor(path, secure).ifPresent(c -> headers.add(new Wire.Header("Cookie", c)));
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            headers.add(new Wire.Header("Content-Length", Integer.toString(body.length)));
        }
        Wire.Response raw;
        try {
            raw = transport.send(new Wire.Request(method, target, headers, body, secure));
        } catch (IOException e) {
            throw new UncheckedIOException("The request " + method + " " + target + " failed: " + e.getMessage(), e);
        }
        var res = new TestResponse(this, method, target, raw);
        res.headers("Set-Cookie").forEach(h -> cookies.receive(h, path));
        return res;
    }

    static String pathOf(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The request target for a Location header: same-origin absolute URLs become paths. */
    private static String resolve(String current, String location) {
        if (location.startsWith("/")) {
            return location;
        }
        int scheme = location.indexOf("://");
        if (scheme > 0) {
            int slash = location.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : location.substring(slash);
        }
        String base = pathOf(current);
        return base.substring(0, base.lastIndexOf('/') + 1) + location;
    }
}
