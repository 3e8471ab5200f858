package dev.rowan.bench.jdkhttp;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The smallest Java HTTP server there is: the JDK's own {@code com.sun.net.httpserver}, no
 * libraries. Not a peer (it is not production-grade and is not load-tested here); it calibrates
 * start-up on this machine: no Java web server can answer its first request much sooner than this.
 * Serves {@code GET /} on env {@code PORT} (default 8080).
 */
public final class JdkHttpServer {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private JdkHttpServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 1024);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, HELLO.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(HELLO);
            }
        });
        server.start();
    }
}
