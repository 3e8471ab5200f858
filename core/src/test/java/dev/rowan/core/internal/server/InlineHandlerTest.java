package dev.rowan.core.internal.server;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Handler;
import dev.rowan.core.HttpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes marked {@link Handler#nonBlocking}: they run on the event loop when nothing is ahead of
 * them on the connection and the request has no body, and otherwise fall back to a virtual thread.
 * Handlers report where they ran ("loop" or "vt"), so the tests see which path was taken.
 */
class InlineHandlerTest {
    private static App app;

    @BeforeAll
    static void start() {
        app = App.create(Config.of(Map.of("server.idle-timeout", "2s")));
        app.get("/inline/{n:int}", Handler.nonBlocking(ctx -> ctx.text(ctx.pathParam("n").asInt() + ":" + where())));
        app.post("/inline-echo", Handler.nonBlocking(ctx -> ctx.text(ctx.bodyString() + ":" + where())));
        app.get("/inline-boom", Handler.nonBlocking(ctx -> {
            throw new IllegalStateException("boom");
        }));
        app.get("/inline-missing", Handler.nonBlocking(ctx -> {
            throw HttpException.notFound("Not here.");
        }));
        app.get("/blocking", ctx -> {
            Thread.sleep(100);
            ctx.text("blocking:" + where());
        });
        app.start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static String where() {
        return Thread.currentThread().isVirtual() ? "vt" : "loop";
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n";
    }

    @Test
    void aMarkedRouteRunsOnTheEventLoopAndAnUnmarkedOneOnAVirtualThread() throws Exception {
        try (RawClient c = RawClient.connect(app.port())) {
            var inline = c.send(get("/inline/1")).read();
            assertThat(inline.status()).isEqualTo(200);
            assertThat(inline.text()).isEqualTo("1:loop");
            assertThat(inline.header("content-type")).contains("text/plain; charset=utf-8");
            assertThat(inline.header("x-content-type-options")).contains("nosniff");
            assertThat(inline.header("date")).isPresent();
            assertThat(c.send(get("/blocking")).read().text()).isEqualTo("blocking:vt");
            // The virtual thread may still be finishing its bookkeeping, so this one may wait its turn on it.
            assertThat(c.send(get("/inline/2")).read().text()).isIn("2:loop", "2:vt");
        }
    }

    @Test
    void pipelinedAnswersKeepTheirOrderWhenInlineAndBlockingRoutesMix() throws Exception {
        try (RawClient c = RawClient.connect(app.port())) {
            c.send(get("/inline/1") + get("/blocking") + get("/inline/2") + get("/inline/3"));
            assertThat(c.read().text()).isEqualTo("1:loop");
            assertThat(c.read().text()).isEqualTo("blocking:vt");
            // Queued behind the blocking request, so they waited their turn on its virtual thread.
            assertThat(c.read().text()).isEqualTo("2:vt");
            assertThat(c.read().text()).isEqualTo("3:vt");
            assertThat(c.send(get("/inline/4")).read().text()).isIn("4:loop", "4:vt");
        }
    }

    @Test
    void manyPipelinedInlineRequestsAreAllAnsweredInOrder() throws Exception {
        var batch = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            batch.append(get("/inline/" + i));
        }
        try (RawClient c = RawClient.connect(app.port())) {
            c.send(batch.toString());
            for (int i = 0; i < 200; i++) {
                assertThat(c.read().text()).isEqualTo(i + ":loop");
            }
        }
    }

    @Test
    void aRequestWithABodyFallsBackToAVirtualThread() throws Exception {
        try (RawClient c = RawClient.connect(app.port())) {
            var r = c.send("POST /inline-echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello:vt");
        }
        try (RawClient c = RawClient.connect(app.port())) {
            assertThat(c.send("POST /inline-echo HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").read().text()).isEqualTo(":loop");
        }
    }

    @Test
    void headOnAnInlineRouteSendsTheLengthButNoBody() throws Exception {
        try (RawClient c = RawClient.connect(app.port())) {
            var head = c.send("HEAD /inline/7 HTTP/1.1\r\nHost: a\r\n\r\n").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).contains("6");
            // Nothing of a body came: the next answer starts right away.
            assertThat(c.send(get("/inline/8")).read().text()).isEqualTo("8:loop");
        }
    }

    @Test
    void exceptionsOnInlineRoutesBecomeTheUsualErrorAnswers() throws Exception {
        try (RawClient c = RawClient.connect(app.port())) {
            var boom = c.send(get("/inline-boom")).read();
            assertThat(boom.status()).isEqualTo(500);
            assertThat(boom.text()).contains("error id");
            var missing = c.send(get("/inline-missing")).read();
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text()).contains("Not here.");
            assertThat(c.send(get("/inline/9")).read().text()).isEqualTo("9:loop");
        }
    }

    @Test
    void connectionCloseOnAnInlineRouteClosesAndIgnoresWhatFollows() throws Exception {
        try (RawClient c = RawClient.connect(app.port())) {
            var r = c.send("GET /inline/1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n" + get("/inline/2")).read();
            assertThat(r.text()).isEqualTo("1:loop");
            assertThat(r.says("close")).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void http10GetsKeepAliveOnlyWhenItAskedForIt() throws Exception {
        try (RawClient c = RawClient.connect(app.port())) {
            var r = c.send("GET /inline/1 HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(r.text()).isEqualTo("1:loop");
            assertThat(r.says("keep-alive")).isTrue();
            assertThat(c.send("GET /inline/2 HTTP/1.0\r\nHost: a\r\n\r\n").read().text()).isEqualTo("2:loop");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void markingTwiceKeepsOneMarkAndTheMarkedHandlerCanBeUnwrapped() {
        Handler plain = ctx -> ctx.text("x");
        Handler once = Handler.nonBlocking(plain);
        assertThat(Handler.nonBlocking(once)).isSameAs(once);
        assertThat(((Handler.NonBlocking) once).unwrap()).isSameAs(plain);
    }
}
