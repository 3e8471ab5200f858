package dev.rowan.bench.dbfaults;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.db.DbModule;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The app benchmarks/db-restart.sh restarts the database under: a Rowan app in the production
 * profile with atomic requests, whose {@code POST /entries} (form fields {@code id}, {@code worker})
 * inserts one row and answers 201 after the commit. {@code GET /} answers without the database, so
 * the script can tell the app is up. The table {@code faults_entry} is created by the script.
 * Env: {@code DATABASE_URL} (required), {@code PORT} (8080), {@code DB_POOL} (10),
 * {@code DB_CONNECTION_TIMEOUT} (10s).
 */
public final class FaultsServer {
    private FaultsServer() {
    }

    public static void main(String[] args) {
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("set DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/rowan_faults");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        App app = App.create(Config.of(Map.of(
                "profile", Config.PROD,
                "secret.key", HexFormat.of().formatHex(key),
                "allowed.hosts", "127.0.0.1,localhost",
                "server.access-log", "false",
                "database.url", url,
                "database.max-pool-size", env("DB_POOL", "10"),
                "database.connection-timeout", env("DB_CONNECTION_TIMEOUT", "10s"))));
        app.install(DbModule.create().models(Entry.META).atomicRequests(true));
        app.get("/", ctx -> ctx.text("ok"));
        app.post("/entries", ctx -> {
            Entry e = new Entry();
            e.id = ctx.form("id").asLong();
            e.worker = ctx.form("worker").asInt(0);
            Entry.objects.create(e);
            ctx.status(201).text("created " + e.id);
        });
        app.start(Integer.parseInt(env("PORT", "8080")));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
