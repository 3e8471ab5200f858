package dev.rowan.examples.infoboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A rates service on 127.0.0.1:0 that a test switches between behaviours. */
final class StubUpstream implements AutoCloseable {
    enum Mode { OK, SLOW, FAILING, MALFORMED, WRONG_SHAPE, GATED, REDIRECT }

    static final String OK_BODY = "{\"amount\":1.0,\"base\":\"EUR\",\"date\":\"2026-11-27\",\"rates\":{\"USD\":1.08,\"GBP\":0.85,\"JPY\":162.4}}";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Mode mode = Mode.OK;
    private final AtomicInteger resets = new AtomicInteger();
    private volatile String location = "/";

    StubUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubUpstream mode(Mode m) {
        mode = m;
        return this;
    }

    /** The next {@code n} requests get their connection closed without an answer. */
    StubUpstream resetNext(int n) {
        resets.set(n);
        return this;
    }

    /** REDIRECT mode answers 302 with this Location (absolute or relative). */
    StubUpstream redirectTo(String target) {
        location = target;
        return mode(Mode.REDIRECT);
    }

    /** The stub's origin with the host written as {@code localhost}: the same socket, another host name. */
    String localhostUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    /** Lets SLOW and GATED requests finish. */
    void release() {
        released.countDown();
    }

    /** "Down": the port stops accepting connections. */
    void down() {
        release();
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        if (resets.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // Closed before any response: the JDK server drops the connection without sending a byte.
            ex.close();
            return;
        }
        try (ex) {
            switch (mode) {
                case REDIRECT -> {
                    if (ex.getRequestURI().getPath().equals("/latest")) {
                        ex.getResponseHeaders().set("Location", location);
                        ex.sendResponseHeaders(302, -1);
                    } else {
                        send(ex, 200, OK_BODY);   // the redirect's target on this same stub
                    }
                }
                case OK -> send(ex, 200, OK_BODY);
                case FAILING -> send(ex, 500, "{\"error\":\"internal\"}");
                case MALFORMED -> send(ex, 200, "{\"base\":\"EUR\",\"rates\":{\"USD\":1.0");
                case WRONG_SHAPE -> send(ex, 200, "{\"base\":\"EUR\",\"date\":\"yesterday\",\"rates\":{}}");
                case SLOW, GATED -> {
                    await();
                    send(ex, 200, OK_BODY);
                }
            }
        }
    }

    private void await() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
