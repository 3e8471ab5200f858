package dev.rowan.core.internal.server;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ctx.stream(...)}: large bodies arrive intact and a slow reader holds the writer back. */
class StreamingTest extends SmugglingGuard {
    private static final int SIZE = 20 * 1024 * 1024;

    @Test
    void aLargeStreamArrivesIntactAsChunks() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            var head = c.send("GET /stream?size=" + SIZE + " HTTP/1.1\r\nHost: a\r\n\r\n").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("transfer-encoding")).contains("chunked");
            assertIntact(c.chunkedBody(), SIZE);
            // The connection is still good for the next request.
            assertThat(c.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("x");
        }
    }

    @Test
    void aSlowReaderHoldsTheWriterBack() throws Exception {
        server.streamed.set(0);
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(32 * 1024);
            s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            s.setSoTimeout(RawClient.TIMEOUT_MS);
            s.getOutputStream().write(("GET /stream?size=" + SIZE + " HTTP/1.1\r\nHost: a\r\n\r\n").getBytes());
            // Read nothing until the writer stops making progress: it must be waiting on us.
            long last = -1;
            for (int stable = 0; stable < 5; ) {
                Thread.sleep(40);
                long now = server.streamed.get();
                stable = now == last && now > 0 ? stable + 1 : 0;
                last = now;
            }
            assertThat(last).as("bytes the handler could write before the client read anything").isLessThan(SIZE / 2);
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            skipHead(in);
            long total = 0;
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0 && total < SIZE; ) {
                total += n;
            }
            assertThat(total).isPositive();
        }
    }

    @Test
    void aClientThatHangsUpMidDownloadIsADebugLineNotAnError() throws Exception {
        try (LogCapture log = LogCapture.of("rowan", java.util.logging.Level.FINE)) {
            try (RawClient c = RawClient.connect(server.port())) {
                assertThat(c.send("GET /stream?size=" + SIZE + " HTTP/1.1\r\nHost: a\r\n\r\n").readHead().status()).isEqualTo(200);
            }
            // The handler notices on its next write; wait for what it logs (the bound only stops a broken build from hanging).
            for (int i = 0; i < 200 && log.messages().stream().noneMatch(m -> m.contains("/stream")); i++) {
                Thread.sleep(25);
            }
            assertThat(log.messages()).filteredOn(m -> m.contains("/stream")).singleElement().asString()
                    .startsWith("The response to GET /stream was cut short: The client");
        }
    }

    private static void skipHead(InputStream in) throws java.io.IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
    }

    private static void assertIntact(InputStream body, int size) throws java.io.IOException {
        byte[] buf = new byte[64 * 1024];
        long pos = 0;
        for (int n; (n = body.read(buf)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (buf[i] != TestServer.pattern(pos + i)) {
                    throw new AssertionError("Byte " + (pos + i) + " differs");
                }
            }
            pos += n;
        }
        assertThat(pos).isEqualTo(size);
    }
}
