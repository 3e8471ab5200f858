package dev.rowan.core.internal.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link FramingTest}'s corpus sent to nginx in front of Rowan: the two must agree on where every
 * request ends. Each request nginx forwards carries its own {@code X-Request-Id}; Rowan must
 * dispatch exactly the requests nginx forwarded (none without an id, none twice, none of
 * nginx's left out) and answer every one (no 502 from a connection Rowan closed mid-request).
 * Runs twice: nginx buffering each body (it then sends a Content-Length) and streaming it
 * ({@code proxy_request_buffering off}, chunked bodies stay chunked), both on kept-alive upstream
 * connections, where a disagreement would shift every later request.
 *
 * <p>Needs an nginx binary, so it runs only when asked: {@code -Drowan.nginx=/usr/sbin/nginx}
 * (benchmarks/two-instances.sh does); the normal test run skips it.
 */
class NginxFramingTest {
    private static final String NGINX = System.getProperty("rowan.nginx", "");
    private static TestServer server;
    private static Nginx nginx;
    /** Statuses of Rowan's own framing checks (FramingRules, the decoder's limits): the request is not dispatched. */
    private static final java.util.Set<Integer> FRAMING_REFUSALS = java.util.Set.of(400, 413, 414, 431, 501, 505);
    private static final Map<String, Tally> TALLIES = Map.of("buffered", new Tally(), "streamed", new Tally());

    /** Counts per mode, printed at the end as {@code [nginx-framing] ...} lines. */
    static final class Tally {
        final AtomicInteger cases = new AtomicInteger();
        final AtomicInteger refusedByNginx = new AtomicInteger();
        final AtomicInteger forwarded = new AtomicInteger();
        final AtomicInteger refusedByRowan = new AtomicInteger();
        final AtomicInteger smuggledForwarded = new AtomicInteger();
        final AtomicInteger disagreements = new AtomicInteger();
        final AtomicInteger chunkedAtRowan = new AtomicInteger();
        final AtomicInteger abandonedByNginx = new AtomicInteger();
        final List<String> refusedByRowanNames = new ArrayList<>();
    }

    @BeforeAll
    static void start() throws IOException {
        skipUnless(!NGINX.isEmpty(), "not asked for: run with -Drowan.nginx=/usr/sbin/nginx (benchmarks/two-instances.sh does); "
                + "the corpus itself ran in FramingTest");
        skipUnless(Files.isExecutable(Path.of(NGINX)), "no nginx at " + NGINX + " (apt-get install -y nginx)");
        server = TestServer.start(Map.of("server.idle-timeout", "30s"));
        nginx = Nginx.start(Path.of(NGINX), server.port());
    }

    /** Skips the whole class, saying why on the console (a skipped class shows no reason in the build log). */
    private static void skipUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println("[nginx-framing] skipped: " + why);
        }
        Assumptions.assumeTrue(condition, why);
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            TALLIES.forEach((mode, t) -> System.out.printf("[nginx-framing] %s: %d cases; nginx refused %d itself; forwarded %d requests "
                            + "(%d of them for /smuggled, which nginx read as a request of its own; %d bodies reached Rowan chunked); "
                            + "%d streamed bodies nginx gave up on mid-way (Rowan's read failed); Rowan refused %d of the forwarded%s; "
                            + "disagreements: %d%n", mode, t.cases.get(), t.refusedByNginx.get(), t.forwarded.get(),
                    t.smuggledForwarded.get(), t.chunkedAtRowan.get(), t.abandonedByNginx.get(), t.refusedByRowan.get(),
                    t.refusedByRowanNames.isEmpty() ? "" : " " + t.refusedByRowanNames, t.disagreements.get()));
            nginx.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> corpus() {
        return Stream.of("buffered", "streamed").flatMap(mode -> FramingTest.corpus().map(c -> arguments(mode, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpus")
    void nginxAndRowanAgreeOnTheRequests(String mode, FramingTest.Case c) throws Exception {
        Tally tally = TALLIES.get(mode);
        tally.cases.incrementAndGet();
        int before = server.dispatched.size();
        int bodyFailuresBefore = server.bodyFailures.size();
        int smuggledBefore = server.smuggled.get();
        int clientPort = send(nginx.port(mode), c.raw(), mode.equals("streamed"));
        List<Nginx.Line> lines = nginx.linesFor(mode, clientPort);
        List<String> dispatched = List.copyOf(server.dispatched.subList(before, server.dispatched.size()));

        tally.chunkedAtRowan.addAndGet((int) dispatched.stream().filter(d -> d.endsWith(" chunked")).count());
        List<String> dispatchedIds = dispatched.stream().map(d -> d.substring(0, d.indexOf(' '))).toList();
        List<String> expected = new ArrayList<>();
        List<Nginx.Line> unanswered = new ArrayList<>();
        int abandoned = 0;
        for (Nginx.Line l : lines) {
            if (!l.forwarded() && dispatchedIds.contains(l.requestId())) {
                // nginx began to stream the body, then found it malformed: it answered the client
                // itself and closed the connection to Rowan mid-body. The same request on both sides;
                // Rowan's handler must see its read fail, never a complete body.
                tally.abandonedByNginx.incrementAndGet();
                abandoned++;
                expected.add(l.requestId());
                continue;
            }
            if (!l.forwarded()) {
                tally.refusedByNginx.incrementAndGet();
                continue;
            }
            tally.forwarded.incrementAndGet();
            if (l.uri().startsWith("/smuggled")) {
                tally.smuggledForwarded.incrementAndGet();
            }
            if (dispatchedIds.contains(l.requestId())) {
                expected.add(l.requestId());
            } else if (FRAMING_REFUSALS.contains(l.upstreamStatus())) {
                // Rowan's framing checks refused what nginx passed on: not dispatched, the connection closed.
                tally.refusedByRowan.incrementAndGet();
                synchronized (tally.refusedByRowanNames) {
                    tally.refusedByRowanNames.add(c.toString() + " (" + l.upstreamStatus() + ")");
                }
            } else {
                unanswered.add(l);
            }
        }
        try {
            if (c.status() == 200) {
                // Valid for Rowan on its own: through nginx, every request in it is answered as itself.
                assertThat(lines).as("nginx log").allMatch(l -> l.upstreamStatus() == 200);
            }
            assertThat(unanswered).as("forwarded by nginx, not dispatched by Rowan and not refused by its framing checks").isEmpty();
            assertThat(dispatchedIds).as("requests Rowan dispatched (%s) vs the ones nginx forwarded; nginx log: %s", dispatched, lines)
                    .containsExactlyElementsOf(expected);
            assertThat(bodyFailures(bodyFailuresBefore + abandoned) - bodyFailuresBefore)
                    .as("handler reads that failed because nginx gave up on the body").isEqualTo(abandoned);
            assertThat(server.smuggled.get() - smuggledBefore).as("/smuggled answered by Rowan")
                    .isEqualTo(lines.stream().filter(l -> l.forwarded() && l.uri().startsWith("/smuggled") && expected.contains(l.requestId())).count());
        } catch (AssertionError e) {
            tally.disagreements.incrementAndGet();
            throw e;
        }
    }

    /** The handler's failed body reads, once there are {@code atLeast} of them (or after a second). */
    private static int bodyFailures(int atLeast) throws InterruptedException {
        for (int i = 0; i < 40 && server.bodyFailures.size() < atLeast; i++) {
            Thread.sleep(25);
        }
        return server.bodyFailures.size();
    }

    /**
     * Sends the bytes on a fresh connection, half-closes it and reads until nginx closes; returns
     * the client's port. When {@code split}, the first head goes alone and the rest a moment later:
     * nginx then forwards before the body is in, so an unbuffered chunked body stays chunked
     * (a body nginx already holds goes with a Content-Length).
     */
    private static int send(int port, String raw, boolean split) throws IOException, InterruptedException {
        try (RawClient c = RawClient.connect(port)) {
            int headEnd = raw.indexOf("\r\n\r\n");
            if (split && headEnd > 0 && headEnd + 4 < raw.length()) {
                c.send(raw.substring(0, headEnd + 4));
                Thread.sleep(20);
                c.send(raw.substring(headEnd + 4));
            } else {
                c.send(raw);
            }
            c.shutdownOutput();
            try {
                c.input().readAllBytes();
            } catch (SocketTimeoutException | SocketException e) {
                // A reset or a stall after the answers: the log says what nginx did.
            }
            return c.localPort();
        }
    }
}
