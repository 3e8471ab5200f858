package dev.rowan.bench.javalindb;

import dev.rowan.bench.jdbc.FortunesPage;
import dev.rowan.bench.jdbc.JdbcStore;
import dev.rowan.bench.jdbc.Tfb;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.json.JavalinJackson3;

/**
 * Javalin 7 with virtual threads and TechEmpower's database endpoints. javalin-rendering is not
 * published for 7.2.3, so /fortunes renders the shared Pebble template directly ({@link FortunesPage});
 * the data access is the shared hand-written JDBC ({@link JdbcStore}, HikariCP). Serves on env
 * {@code PORT} (8080); env {@code DB_HOST}, {@code DB_POOL} as in {@link JdbcStore#fromEnv()}.
 */
public final class JavalinDbServer {
    private JavalinDbServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        JdbcStore store = JdbcStore.fromEnv();
        FortunesPage fortunes = new FortunesPage();
        Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson3());
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(true));
            config.routes.get("/db", ctx -> ctx.json(store.world()));
            config.routes.get("/queries", ctx -> ctx.json(store.worlds(Tfb.count(ctx.queryParam("queries")))));
            config.routes.get("/updates", ctx -> ctx.json(store.update(Tfb.count(ctx.queryParam("queries")))));
            config.routes.get("/fortunes", ctx -> ctx.contentType("text/html; charset=utf-8").result(fortunes.render(store.fortunes())));
            config.routes.get("/", ctx -> ctx.contentType(ContentType.TEXT_PLAIN).result("Hello, World!"));
        }).start(port);
    }
}
