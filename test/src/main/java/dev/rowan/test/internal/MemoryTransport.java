package dev.rowan.test.internal;

import dev.rowan.core.App;

/** Calls {@code app.handle} directly: no socket, no threads, the handler runs on the test's thread. */
public final class MemoryTransport implements Wire.Transport {
    private final App app;
    private final long maxBody;

    public MemoryTransport(App app) {
        this.app = app;
        this.maxBody = app.config().getBytes("server.max-body-size", 10L * 1024 * 1024);
    }

    @Override
    public Wire.Response send(Wire.Request request) {
        var exchange = new MemoryExchange(request, maxBody);
        app.handle(exchange);
        return exchange.response();
    }

    @Override
    public String origin(String hostHeader) {
        return "http://" + hostHeader;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
