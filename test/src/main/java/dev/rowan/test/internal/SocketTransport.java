package dev.rowan.test.internal;

import dev.rowan.core.App;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;

/** Sends requests over a real loopback socket with the JDK's HTTP client. */
public final class SocketTransport implements Wire.Transport {
    // The JDK client sets these itself and refuses them from callers.
    private static final Set<String> MANAGED = Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private final App app;
    private final boolean startedHere;
    private final HttpClient http;

    public SocketTransport(App app) {
        this.app = app;
        this.startedHere = !isServing(app);
        if (startedHere) {
            app.start(0);
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static boolean isServing(App app) {
        try {
            app.port();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public Wire.Response send(Wire.Request request) throws IOException {
        if (request.secure()) {
            throw new IllegalStateException("Socket mode speaks plain HTTP; use the in-memory client for HTTPS requests");
        }
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + request.target()))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Wire.Header h : request.headers()) {
            if (!MANAGED.contains(h.name().toLowerCase(Locale.ROOT))) {
                builder.header(h.name(), h.value());
            }
        }
        try {
            HttpResponse<byte[]> res = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            var headers = new ArrayList<Wire.Header>();
            res.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new Wire.Header(name, v))));
            return new Wire.Response(res.statusCode(), headers, res.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for " + request.method() + " " + request.target());
        }
    }

    @Override
    public String origin(String hostHeader) {
        // The JDK client names the host it connects to; the Host the test set does not travel.
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        http.close();
        if (startedHere) {
            app.stop();
        }
    }
}
