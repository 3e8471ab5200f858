package dev.rowan.core;

/**
 * Around-style middleware: code before {@code next.proceed()} runs on the way in, code after it on
 * the way out, and a middleware may answer by itself without calling {@code next} at all.
 *
 * <pre>{@code
 * app.use((ctx, next) -> {
 *     long start = System.nanoTime();
 *     next.proceed();
 *     ctx.header("Server-Timing", "app;dur=" + (System.nanoTime() - start) / 1_000_000.0);
 * });
 * }</pre>
 */
@FunctionalInterface
public interface Middleware {
    void handle(Context ctx, Next next) throws Exception;

    /** The rest of the chain, ending at the route's handler. */
    @FunctionalInterface
    interface Next {
        void proceed() throws Exception;
    }
}
