package dev.rowan.core.internal.server;

import dev.rowan.core.App;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Size limits (request line 1KB, headers 2KB, body 64KB in {@link TestServer}): each a clear status and a close. */
class LimitsTest extends SmugglingGuard {

    @Test
    void oversizeRequestLineIs414() throws Exception {
        assertRefused("GET /" + "a".repeat(2000) + " HTTP/1.1\r\nHost: a\r\n\r\n" + SMUGGLED, 414);
    }

    @Test
    void oversizeHeadersAre431() throws Exception {
        var sb = new StringBuilder("GET /x HTTP/1.1\r\nHost: a\r\n");
        for (int i = 0; i < 40; i++) {
            sb.append("X-Filler-").append(i).append(": ").append("v".repeat(60)).append("\r\n");
        }
        assertRefused(sb + "\r\n" + SMUGGLED, 431);
    }

    @Test
    void oneOversizeHeaderIs431() throws Exception {
        assertRefused("GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + "v".repeat(3000) + "\r\n\r\n" + SMUGGLED, 431);
    }

    @Test
    void declaredBodyOverTheLimitIs413WithoutSendingIt() throws Exception {
        // Only the head is sent: the answer must come without the server waiting for the body.
        assertRefused("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n", 413);
    }

    @Test
    void chunkedBodyGrowingOverTheLimitIs413() throws Exception {
        var sb = new StringBuilder("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "z".repeat(16 * 1024);
        for (int i = 0; i < 6; i++) {
            sb.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        sb.append("0\r\n\r\n").append(SMUGGLED);
        assertRefused(sb.toString(), 413);
    }

    @Test
    void bodyJustUnderTheLimitIsAccepted() throws Exception {
        String body = "y".repeat(64 * 1024);
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).hasSize(body.length());
        }
    }

    @Test
    void theAppReportsTheBodyLimitItsServerEnforces() throws Exception {
        long limit = server.app.maxBodySize();
        assertThat(limit).isEqualTo(64 * 1024);
        assertRefused("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + (limit + 1) + "\r\n\r\n", 413);
        assertThat(App.create().maxBodySize()).as("the default").isEqualTo(10L * 1024 * 1024);
    }

    private static void assertRefused(String raw, int status) throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var r = c.send(raw).read();
            assertThat(r.status()).as("status; body: %s", r.text()).isEqualTo(status);
            assertThat(r.says("close")).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
