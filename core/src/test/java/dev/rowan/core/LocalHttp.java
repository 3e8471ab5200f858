package dev.rowan.core;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GET requests to an app serving on 127.0.0.1, for core tests (core cannot use rowan-test's client). */
final class LocalHttp implements AutoCloseable {
    private final HttpClient client = HttpClient.newHttpClient();
    private final App app;

    LocalHttp(App app) {
        this.app = app;
    }

    /** GET {@code path} with header name/value pairs. */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any method, with a body ({@code BodyPublishers.noBody()} for none). */
    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        client.close();
    }
}
