package dev.rowan.core.internal.server;

import dev.rowan.core.App;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Size limits (request line 1KB, headers 2KB, body 64KB, 20 form fields, 2 files, 512-byte part
 * headers, 4KB of form text in {@link TestServer}): each a clear status and a close.
 */
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

    @Test
    void everyLimitAnswersItsExactStatusAndJustUnderItIsServed() {
        var tally = SuiteTally.of("limits");
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("request line over 1KB", new Object[] {"GET /" + "a".repeat(1100) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414});
        cases.put("request line just under", new Object[] {"GET /x?" + "a".repeat(900) + " HTTP/1.1\r\nHost: a\r\n\r\n", 200});
        cases.put("one header line over 2KB", new Object[] {"GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + "v".repeat(2100) + "\r\n\r\n", 431});
        cases.put("header block over 2KB in small lines", new Object[] {"GET /x HTTP/1.1\r\nHost: a\r\n" + "X-F: vvvvvvvvvv\r\n".repeat(150) + "\r\n", 431});
        cases.put("header block just under", new Object[] {"GET /x HTTP/1.1\r\nHost: a\r\n" + "X-F: vvvvvvvvvv\r\n".repeat(90) + "\r\n", 200});
        cases.put("many empty-valued headers", new Object[] {"GET /x HTTP/1.1\r\nHost: a\r\n" + "X:\r\n".repeat(1100) + "\r\n", 431});
        cases.put("declared body over 64KB", new Object[] {post("/echo", "text/plain", 65 * 1024, ""), 413});
        cases.put("declared body of 1 GB", new Object[] {post("/echo", "text/plain", 1L << 30, "tiny"), 413});
        cases.put("form with 21 fields", new Object[] {form("f=1&".repeat(20) + "f=1"), 400});
        cases.put("form with 20 fields", new Object[] {form("f=1&".repeat(19) + "f=1"), 200});
        cases.put("form text over 4KB", new Object[] {form("f=" + "v".repeat(5000)), 413});
        cases.put("multipart with 21 fields", new Object[] {multipart(21, 0, 0), 400});
        cases.put("multipart with 3 files", new Object[] {multipart(1, 3, 0), 400});
        cases.put("multipart with 2 files", new Object[] {multipart(1, 2, 0), 200});
        cases.put("multipart part headers over 512 bytes", new Object[] {multipart(1, 0, 600), 400});
        cases.put("multipart text over 4KB", new Object[] {multipartText(5000), 413});
        cases.forEach((name, c) -> tally.check(name, () -> assertStatus((String) c[0], (Integer) c[1])));
        tally.assertAllPassed();
    }

    @Test
    void aGigabyteBodyIsRefusedAfterItsFirstChunkAndTheConnectionCloses() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + (1L << 30) + "\r\n\r\n" + "z".repeat(1024));
            // The answer comes while 1 GB - 1 KB are still unsent: the server did not wait for them.
            var r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).contains("larger than the limit");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    private static String post(String path, String type, long length, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n\r\n" + body;
    }

    private static String form(String body) {
        return post("/form", "application/x-www-form-urlencoded", body.length(), body);
    }

    private static String multipart(int fields, int files, int extraHeaderBytes) {
        var sb = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            sb.append("--B\r\nContent-Disposition: form-data; name=\"t").append(i).append('"');
            if (extraHeaderBytes > 0) {
                sb.append("\r\nX-Pad: ").append("p".repeat(extraHeaderBytes));
            }
            sb.append("\r\n\r\nv\r\n");
        }
        for (int i = 0; i < files; i++) {
            sb.append("--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"").append(i)
                    .append(".txt\"\r\nContent-Type: text/plain\r\n\r\nfile\r\n");
        }
        String body = sb.append("--B--\r\n").toString();
        return post("/form", "multipart/form-data; boundary=B", body.length(), body);
    }

    private static String multipartText(int size) {
        String body = "--B\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n" + "v".repeat(size) + "\r\n--B--\r\n";
        return post("/form", "multipart/form-data; boundary=B", body.length(), body);
    }

    /**
     * The engine's limits (request line, headers, declared body) end the connection: what follows
     * cannot be framed safely. A form refused by its parser was read to its declared end, so the
     * connection stays good and the next request on it is answered as itself.
     */
    private static void assertStatus(String raw, int status) throws IOException {
        boolean engineLimit = !raw.startsWith("POST /form");
        try (RawClient c = RawClient.connect(server.port())) {
            String next = !engineLimit ? "GET /x HTTP/1.1\r\nHost: a\r\n\r\n" : status >= 400 ? SMUGGLED : "";
            var r = c.send(raw + next).read();
            assertThat(r.status()).as("status; body: %s", r.text()).isEqualTo(status);
            if (status >= 400) {
                assertThat(r.text()).as("a sentence for a person").containsPattern("[A-Z][^\\n]{20,}\\.");
            }
            if (status >= 400 && engineLimit) {
                assertThat(r.says("close")).as("Connection: close").isTrue();
                assertThat(c.closedByServer()).as("closed").isTrue();
            } else if (!engineLimit) {
                assertThat(c.read().text()).as("the next request on the connection").isEqualTo("x");
            }
        }
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
