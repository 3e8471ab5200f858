package dev.rowan.bench.joobydb;

import dev.rowan.bench.jdbc.FortunesPage;
import dev.rowan.bench.jdbc.JdbcStore;
import dev.rowan.bench.jdbc.Tfb;
import io.jooby.ExecutionMode;
import io.jooby.Jooby;
import io.jooby.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jooby 3 on Netty with TechEmpower's database endpoints, set up as in its TechEmpower entry:
 * event-loop mode, with the blocking database routes dispatched to Jooby's worker pool. jooby-hikari
 * and jooby-pebble are not published for 3.11.5, so HikariCP, JDBC and Pebble are used directly
 * (the shared {@link JdbcStore} and {@link FortunesPage}); JSON is plain Jackson 3 as in
 * benchmarks/jooby. Serves on env {@code PORT} (8080); env {@code DB_HOST}, {@code DB_POOL} as in
 * {@link JdbcStore#fromEnv()}.
 */
public final class JoobyDbServer extends Jooby {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    {
        JdbcStore store = JdbcStore.fromEnv();
        FortunesPage fortunes = new FortunesPage();
        get("/", ctx -> ctx.setResponseType(MediaType.text).send("Hello, World!"));
        dispatch(() -> {
            get("/db", ctx -> ctx.setResponseType(MediaType.json).send(JSON.writeValueAsBytes(store.world())));
            get("/queries", ctx -> ctx.setResponseType(MediaType.json)
                    .send(JSON.writeValueAsBytes(store.worlds(Tfb.count(ctx.query("queries").value("1"))))));
            get("/updates", ctx -> ctx.setResponseType(MediaType.json)
                    .send(JSON.writeValueAsBytes(store.update(Tfb.count(ctx.query("queries").value("1"))))));
            get("/fortunes", ctx -> ctx.setResponseType(MediaType.html).send(fortunes.render(store.fortunes())));
        });
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        runApp(new String[] {"server.port=" + port}, ExecutionMode.EVENT_LOOP, JoobyDbServer::new);
    }
}
