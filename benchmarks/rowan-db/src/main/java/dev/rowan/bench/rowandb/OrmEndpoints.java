package dev.rowan.bench.rowandb;

import dev.rowan.bench.jdbc.Tfb;
import dev.rowan.bench.jdbc.WorldRow;
import dev.rowan.core.App;
import dev.rowan.core.Context;
import dev.rowan.db.Databases;
import dev.rowan.db.DbModule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The four endpoints as a Rowan user writes them with the ORM (models World and Fortune). */
final class OrmEndpoints {
    private OrmEndpoints() {
    }

    static void install(App app) {
        app.install(DbModule.create().models(World.META, Fortune.META));
        app.get("/db", OrmEndpoints::db);
        app.get("/queries", OrmEndpoints::queries);
        app.get("/queries-plain", OrmEndpoints::queriesPlain);
        app.get("/fortunes", OrmEndpoints::fortunes);
        app.get("/updates", OrmEndpoints::updates);
    }

    private static void db(Context ctx) {
        World w = World.objects.get("id", Tfb.randomId());
        ctx.json(json(w));
    }

    /**
     * The N reads in one {@code atomic} block: one pooled connection for the whole request, as the
     * hand-written JDBC version holds one (a connection per query costs a pool hand-off each, see
     * docs/performance.md).
     */
    private static void queries(Context ctx) {
        int n = RowanDbServer.queries(ctx);
        List<WorldRow> out = Databases.current().defaultDatabase().atomic(() -> readWorlds(n));
        ctx.json(out);
    }

    /** The same without {@code atomic}: each read borrows and returns a pooled connection. */
    private static void queriesPlain(Context ctx) {
        ctx.json(readWorlds(RowanDbServer.queries(ctx)));
    }

    private static List<WorldRow> readWorlds(int n) {
        List<WorldRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(json(World.objects.get("id", Tfb.randomId())));
        }
        return out;
    }

    private static void fortunes(Context ctx) {
        List<Fortune> fortunes = new ArrayList<>(Fortune.objects.all().list());
        fortunes.add(Fortune.of(0, Tfb.EXTRA_FORTUNE));
        fortunes.sort(Comparator.comparing(f -> f.message));
        ctx.render("fortunes.html", Map.of("fortunes", fortunes));
    }

    private static void updates(Context ctx) {
        int n = RowanDbServer.queries(ctx);
        List<World> worlds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            World w = World.objects.get("id", Tfb.randomId());
            w.randomNumber = Tfb.newRandomNumber(w.randomNumber);
            worlds.add(w);
        }
        // Rows in key order, so concurrent batches lock them in the same order and never deadlock.
        List<World> sorted = new ArrayList<>(worlds);
        sorted.sort(Comparator.comparing(w -> w.id));
        World.objects.bulkUpdate(sorted, "randomNumber");
        ctx.json(worlds.stream().map(OrmEndpoints::json).toList());
    }

    private static WorldRow json(World w) {
        return new WorldRow(w.id, w.randomNumber);
    }
}
