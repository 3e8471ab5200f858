package dev.rowan.core.internal.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that go quiet: the server lets go of them after {@code server.idle-timeout} (200 ms here). */
class SlowClientTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("server.idle-timeout", "200ms"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSilentConnectionIsClosed() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            assertThat(c.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aHandlerSlowerThanTheIdleTimeoutIsNotCutOff() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("slow done");
        }
    }

    @Test
    void aHalfSentRequestHeadIsClosed() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("GET /x HTTP/1.1\r\nHost: a\r\nX-Slow: ");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientThatStopsMidBodyIsClosedAndTheHandlerSeesAnIOException() throws Exception {
        server.bodyFailures.clear();
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly ten b");
            // The answer (408) may or may not make it out before the close; the close must come.
            try {
                var r = c.read();
                assertThat(r.status()).isEqualTo(408);
                assertThat(r.says("close")).isTrue();
            } catch (IOException closedFirst) {
                // closed without an answer is fine too
            }
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(server.bodyFailures).isNotEmpty().allMatch(t -> t instanceof IOException);
    }
}
