package dev.rowan.bench.javalin;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.json.JavalinJackson3;

/**
 * Javalin 7 with virtual threads enabled and its Jackson 3 mapper; routes as its documentation
 * shows them. Serves on env {@code PORT} (default 8080).
 */
public final class JavalinServer {
    record Message(String message) {
    }

    private JavalinServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson3());
            // TechEmpower requires a Server header; Javalin turns Jetty's off, this turns it back on.
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(true));
            config.routes.get("/plaintext", ctx -> ctx.contentType(ContentType.TEXT_PLAIN).result("Hello, World!"));
            config.routes.get("/json", ctx -> ctx.json(new Message("Hello, World!")));
            config.routes.get("/", ctx -> ctx.contentType(ContentType.TEXT_PLAIN).result("Hello, World!"));
        }).start(port);
    }
}
