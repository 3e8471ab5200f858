package dev.rowan.core.internal.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code server.access-log=true}: one line per request on the System.Logger "rowan.access". */
class AccessLogTest {
    @Test
    void eachRequestIsLoggedWithMethodPathStatusSizeAndDuration() throws Exception {
        try (LogCapture log = LogCapture.of("rowan.access");
             TestServer server = TestServer.start(Map.of("server.access-log", "true"));
             RawClient c = RawClient.connect(server.port())) {
            c.send("GET /x?q=1 HTTP/1.1\r\nHost: a\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\n\r\nGET /stream?size=10 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.read().status()).isEqualTo(404);
            assertThat(c.read().status()).isEqualTo(200);
            List<String> lines = log.messages();
            for (int i = 0; i < 200 && lines.size() < 3; i++) {
                Thread.sleep(10);
            }
            assertThat(lines).hasSize(3);
            // A streamed body's size is unknown to the dispatcher: logged as "-", not as 0.
            assertThat(lines.get(2)).contains("GET", "/stream?size=10", " 200 - ");
            assertThat(lines.get(0)).contains("GET", "/x?q=1", " 200 ", " 1 ").containsPattern("\\d+\\.\\dms");
            assertThat(lines.get(1)).contains("GET", "/nope", " 404 ").containsPattern("\\d+\\.\\dms");
        }
    }

    @Test
    void behindATrustedProxyTheLineNamesTheForwardedClient() throws Exception {
        try (LogCapture log = LogCapture.of("rowan.access");
             TestServer server = TestServer.start(Map.of("server.access-log", "true", "server.trust-proxy", "true"));
             RawClient c = RawClient.connect(server.port())) {
            c.send("GET /x HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 198.51.100.1, 203.0.113.9\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(200);
            List<String> lines = log.messages();
            for (int i = 0; i < 200 && lines.isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(lines).singleElement().asString().startsWith("203.0.113.9 \"GET /x\" 200");
        }
    }
}
