package dev.rowan.core.internal.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that keep sending, but too slowly to ever finish: a head a line at a time (slowloris)
 * and a body a few bytes at a time. Each byte resets the idle timer (2 s here), so only
 * {@code server.head-timeout} (600 ms here) and {@code server.min-body-rate} (1KB/s after 300 ms)
 * let go of them.
 */
class SlowRequestTest {
    private static final int PAUSE_MS = 100;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("server.head-timeout", "600ms", "server.min-body-rate", "1KB", "server.min-body-rate-grace", "300ms"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHeadSentALineAtATimeIsClosedWith408() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("GET /x HTTP/1.1\r\nHost: a\r\n");
            // At most 100 lines (10 s): the server must answer long before.
            for (int i = 0; i < 100 && !c.hasInput(); i++) {
                c.send("X-Slow-" + i + ": a\r\n");
                Thread.sleep(PAUSE_MS);
            }
            var r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.text()).contains("server.head-timeout");
            assertThat(r.says("close")).isTrue();
            c.shutdownOutput(); // ends the server's lingering close at once
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aSlowHeadThatEndsInTimeIsServed() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("GET /x HTTP/1.1\r\n");
            Thread.sleep(PAUSE_MS);
            c.send("Host: a\r\n");
            Thread.sleep(PAUSE_MS);
            var r = c.send("\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            // The deadline is per head: a keep-alive connection that waits longer than it is still open.
            Thread.sleep(800);
            assertThat(c.send("GET /n/2 HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("n2");
        }
    }

    @Test
    void aHandlerSlowerThanTheHeadTimeoutIsNotCutOff() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("GET /blocked HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(c.staysOpenFor(900)).as("nothing answered while the handler waits").isTrue();
            server.release.countDown();
            assertThat(c.read().text()).isEqualTo("released");
        }
    }

    @Test
    void aBodySentAFewBytesAtATimeIsRefusedWith408() throws Exception {
        server.bodyFailures.clear();
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10000\r\n\r\n");
            for (int i = 0; i < 100 && !c.hasInput(); i++) {
                c.send("0123456789");
                Thread.sleep(PAUSE_MS);
            }
            var r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.text()).contains("server.min-body-rate");
            assertThat(r.says("close")).isTrue();
            c.shutdownOutput(); // ends the server's lingering close at once
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(server.bodyFailures).isNotEmpty();
    }

    @Test
    void aBodyAtAGoodRateIsRead() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 8000\r\n\r\n");
            for (int i = 0; i < 8; i++) {
                c.send("x".repeat(1000));
                Thread.sleep(PAUSE_MS);
            }
            var r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).hasSize(8000);
        }
    }
}
