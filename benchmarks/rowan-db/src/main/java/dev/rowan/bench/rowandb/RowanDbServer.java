package dev.rowan.bench.rowandb;

import dev.rowan.bench.jdbc.Tfb;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Context;
import dev.rowan.templates.TemplatesModule;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.Map;

/**
 * TechEmpower's database endpoints (/db, /queries, /fortunes, /updates) on Rowan with PostgreSQL, in
 * the production profile with request logging off. Env {@code ROWAN_DB_MODE=orm} (default) writes them
 * with the ORM, {@code jdbc} with hand-written JDBC on HikariCP; both render /fortunes with the same
 * Pebble template (benchmarks/common-jdbc's templates/fortunes.html, shared with the peers) through
 * rowan-templates and run the blocking handlers on virtual threads.
 * Env: {@code PORT} (8080), {@code DB_HOST} (127.0.0.1), {@code DB_POOL} (connections, 16).
 */
public final class RowanDbServer {
    private RowanDbServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
        int pool = Integer.parseInt(System.getenv().getOrDefault("DB_POOL", "16"));
        String mode = System.getenv().getOrDefault("ROWAN_DB_MODE", "orm");
        Config config = Config.of(Map.of(
                "profile", Config.PROD,
                "secret.key", randomKey(),
                "allowed.hosts", "127.0.0.1,localhost",
                "server.access-log", "false",
                "server.header", "rowan",
                "database.url", "postgresql://postgres@" + host + ":5432/hello_world",
                "database.max-pool-size", String.valueOf(pool)));
        App app = App.create(config);
        app.install(TemplatesModule.create());
        switch (mode) {
            case "orm" -> OrmEndpoints.install(app);
            case "jdbc" -> JdbcEndpoints.install(app, host, pool);
            default -> throw new IllegalArgumentException("ROWAN_DB_MODE must be 'orm' or 'jdbc', got '" + mode + "'");
        }
        app.get("/", ctx -> ctx.text("Hello, World!"));
        app.start(port);
    }

    /** {@code ?queries=} by TechEmpower's rule ({@link Tfb#count}). */
    static int queries(Context ctx) {
        return Tfb.count(ctx.query("queries").asString("1"));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        // Not SecureRandom: nothing here is signed, and seeding SecureRandom would add ~50 ms to the
        // measured start-up that a real deployment (SECRET_KEY from the environment) does not pay.
        new SplittableRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
