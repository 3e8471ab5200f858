package dev.rowan.core;

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
}
