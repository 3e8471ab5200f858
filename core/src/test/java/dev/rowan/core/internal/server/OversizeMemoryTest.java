package dev.rowan.core.internal.server;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 oversize requests (a 2KB URI, 3KB of headers, a declared 1 GB body with 16KB sent) are
 * refused without the heap growing: what stays live after a full GC is measured, not time. A
 * closed connection held by a timer (about 1.5 KB each) shows up here as growth per request.
 */
class OversizeMemoryTest extends SmugglingGuard {
    private static final String[] OVERSIZE = {
            "GET /" + "u".repeat(2048) + " HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + "h".repeat(3000) + "\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + (1L << 30) + "\r\n\r\n" + "b".repeat(16 * 1024),
    };
    private static final int[] STATUS = {414, 431, 413};

    @Test
    void theHeapStaysFlatWhileAThousandOversizeRequestsAreRefused() throws Exception {
        refuse(150); // warm up: pools, JIT, class loading
        long before = liveHeap();
        refuse(1000);
        long after = liveHeap();
        System.out.println("[security] limits, memory: 1000 oversize requests refused; live heap " + mb(before) + " MB before, "
                + mb(after) + " MB after");
        assertThat(after - before).as("live heap growth in bytes").isLessThan(1024L * 1024);
    }

    private static void refuse(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            try (RawClient c = RawClient.connect(server.port())) {
                var r = c.send(OVERSIZE[i % 3]).read();
                assertThat(r.status()).isEqualTo(STATUS[i % 3]);
            }
        }
    }

    private static long liveHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Connections close asynchronously; a few collections let the last ones' buffers go.
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
