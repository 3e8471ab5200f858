package dev.rowan.examples.infoboard;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A tiny rates service on 127.0.0.1 with made-up numbers, so the board works offline when no
 * {@code infoboard.upstream-url} is configured. The page labels its data as sample data. It is started
 * on first use and goes through exactly the same client, timeouts and cache as a real service.
 */
final class SampleUpstream {
    private static final String RATES = "{\"USD\":1.0812,\"GBP\":0.8573,\"JPY\":162.41,\"CHF\":0.9437,"
            + "\"SEK\":11.482,\"NOK\":11.695,\"PLN\":4.3125,\"CAD\":1.4836}";

    private final Clock clock;
    private HttpServer server;

    SampleUpstream(Clock clock) {
        this.clock = clock;
    }

    /** The base URL, starting the server the first time. */
    synchronized URI baseUrl() {
        if (server == null) {
            server = start();
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/latest", exchange -> {
                byte[] body = ("{\"base\":\"EUR\",\"date\":\"" + LocalDate.now(clock) + "\",\"rates\":" + RATES + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("infoboard.E002 could not start the sample rates service on 127.0.0.1", e);
        }
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
