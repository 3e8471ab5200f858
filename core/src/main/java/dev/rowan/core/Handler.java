package dev.rowan.core;

import java.util.Objects;

/**
 * Handles one request. Handlers are plain blocking code; each request runs on a virtual thread.
 *
 * <pre>{@code
 * app.get("/hello/{name}", ctx -> ctx.text("Hello, " + ctx.pathParam("name").asString()));
 * }</pre>
 */
@FunctionalInterface
public interface Handler {
    void handle(Context ctx) throws Exception;

    /**
     * Marks a handler that never blocks, so the server may run it directly on the network thread
     * (the event loop) instead of handing the request to a virtual thread. That saves a thread hop
     * per request and matters only for tiny, very hot endpoints.
     *
     * <pre>{@code
     * app.get("/ping", Handler.nonBlocking(ctx -> ctx.text("pong")));
     * }</pre>
     *
     * <p><b>Contract:</b> the handler, and every middleware around it, must not block: no file,
     * socket or database I/O, no locks that can be held for long, no sleeps, no waiting on other
     * threads, no streamed or file responses. One network thread serves many connections; while
     * it is blocked, every one of them stalls. When in doubt, leave the handler unmarked: plain
     * handlers on virtual threads are the default for a reason.
     *
     * <p>The server still uses a virtual thread when the request has a body or when earlier
     * pipelined requests on the same connection are still queued or running, so answers keep
     * their order. Behaviour (status, headers, errors, HEAD) is the same either way.
     */
    static Handler nonBlocking(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        return handler instanceof NonBlocking ? handler : new NonBlocking(handler);
    }

    /** A handler marked with {@link Handler#nonBlocking(Handler)}; the server recognizes it by type. */
    final class NonBlocking implements Handler {
        private final Handler delegate;

        private NonBlocking(Handler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handle(Context ctx) throws Exception {
            delegate.handle(ctx);
        }

        /** The handler that was marked. */
        public Handler unwrap() {
            return delegate;
        }
    }
}
