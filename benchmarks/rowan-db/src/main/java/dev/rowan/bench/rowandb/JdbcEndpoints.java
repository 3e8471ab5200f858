package dev.rowan.bench.rowandb;

import dev.rowan.bench.jdbc.JdbcStore;
import dev.rowan.core.App;

import java.util.Map;

/**
 * The same endpoints with hand-written JDBC on a HikariCP pool, the baseline the ORM is measured
 * against: {@link JdbcStore} is the very code the Jooby and Javalin servers run, so the JDBC side of
 * the ORM/JDBC ratio is plain JDBC, not Rowan.
 */
final class JdbcEndpoints {
    private JdbcEndpoints() {
    }

    static void install(App app, String host, int poolSize) {
        JdbcStore store = JdbcStore.open(host, poolSize);
        app.onStop(store::close);
        app.get("/db", ctx -> ctx.json(store.world()));
        app.get("/queries", ctx -> ctx.json(store.worlds(RowanDbServer.queries(ctx))));
        app.get("/fortunes", ctx -> ctx.render("fortunes.html", Map.of("fortunes", store.fortunes())));
        app.get("/updates", ctx -> ctx.json(store.update(RowanDbServer.queries(ctx))));
    }
}
