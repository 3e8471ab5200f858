package dev.rowan.core.internal.server;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.HttpMethod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real server for the raw-socket tests. {@code /smuggled} must never be answered: a request for
 * it is hidden in the body or behind a framing error of another request, so a hit means smuggling.
 */
final class TestServer implements AutoCloseable {
    final AtomicInteger smuggled = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final CopyOnWriteArrayList<Throwable> bodyFailures = new CopyOnWriteArrayList<>();
    final CountDownLatch slowStarted = new CountDownLatch(1);
    /** {@code /blocked} waits for this (at most 10 s) before it answers. */
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicLong streamed = new AtomicLong();
    /**
     * Every request that reached the app, as {@code "<X-Request-Id or -> <method> <target>[ chunked| length=N]"}: a
     * proxy in front names each request it forwards, so a request it did not send stands out.
     */
    final CopyOnWriteArrayList<String> dispatched = new CopyOnWriteArrayList<>();
    final App app;
    static final int BIG_FILE_SIZE = 16 * 1024 * 1024;
    private Path bigFile;

    private TestServer(Map<String, String> settings) {
        var config = new HashMap<>(Map.of("server.idle-timeout", "2s", "server.max-body-size", "64KB",
                "server.max-uri-length", "1KB", "server.max-header-size", "2KB",
                "server.max-form-fields", "20", "server.max-upload-files", "2", "server.max-part-header-size", "512",
                "server.max-form-memory-size", "4KB"));
        config.putAll(settings);
        app = App.create(Config.of(config));
        app.use((ctx, next) -> {
            String target = ctx.path() + (ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString());
            String framing = ctx.headers().contains("Transfer-Encoding") ? " chunked" : ctx.headers().first("Content-Length").map(l -> " length=" + l).orElse("");
            dispatched.add(ctx.header("X-Request-Id").asString("-") + " " + ctx.method() + " " + target + framing);
            next.proceed();
        });
        for (HttpMethod m : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT}) {
            app.route(m, "/smuggled", ctx -> {
                smuggled.incrementAndGet();
                ctx.text("SMUGGLED");
            }, "");
        }
        app.get("/hello", ctx -> ctx.text("hello " + calls.incrementAndGet()));
        app.get("/x", ctx -> ctx.text("x"));
        app.get("/host", ctx -> ctx.text(ctx.host() + " " + ctx.origin()));
        app.get("/target", ctx -> ctx.text(ctx.path() + "?" + ctx.queryString()));
        app.get("/n/{n:int}", ctx -> ctx.text("n" + ctx.pathParam("n").asInt()));
        app.get("/boom", ctx -> {
            throw new IllegalStateException("boom");
        });
        app.get("/slow", ctx -> {
            slowStarted.countDown();
            Thread.sleep(300);
            ctx.text("slow done");
        });
        app.get("/blocked", ctx -> ctx.text(release.await(10, TimeUnit.SECONDS) ? "released" : "timed out"));
        app.get("/file", ctx -> ctx.file(bigFile()));
        app.get("/bytes", ctx -> ctx.bytes(new byte[ctx.query("size").asInt()]));
        app.post("/echo", ctx -> ctx.bytes(readBody(ctx.bodyStream())));
        app.put("/echo", ctx -> ctx.bytes(readBody(ctx.bodyStream())));
        app.post("/ignore", ctx -> ctx.text("ignored"));
        app.post("/form", ctx -> ctx.text(ctx.formParams().size() + " fields, " + ctx.files("f").size() + " files"));
        app.get("/stream", ctx -> {
            int size = ctx.query("size").asInt();
            ctx.stream("application/octet-stream", out -> {
                byte[] block = new byte[8192];
                for (int sent = 0; sent < size; sent += block.length) {
                    int n = Math.min(block.length, size - sent);
                    for (int i = 0; i < n; i++) {
                        block[i] = pattern(sent + i);
                    }
                    out.write(block, 0, n);
                    streamed.addAndGet(n);
                }
            });
        });
        app.start(0);
    }

    static TestServer start() {
        return new TestServer(Map.of());
    }

    static TestServer start(Map<String, String> settings) {
        return new TestServer(settings);
    }

    /** A file of {@link #BIG_FILE_SIZE} bytes for download tests, written on first use and deleted at exit. */
    private synchronized Path bigFile() throws IOException {
        if (bigFile == null) {
            Path f = Files.createTempFile("rowan-download", ".bin");
            f.toFile().deleteOnExit();
            byte[] block = new byte[1024 * 1024];
            try (var out = Files.newOutputStream(f)) {
                for (int i = 0; i < BIG_FILE_SIZE / block.length; i++) {
                    out.write(block);
                }
            }
            bigFile = f;
        }
        return bigFile;
    }

    static byte pattern(long i) {
        return (byte) (i * 31 + (i >>> 13));
    }

    private byte[] readBody(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            bodyFailures.add(e);
            throw e;
        }
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
