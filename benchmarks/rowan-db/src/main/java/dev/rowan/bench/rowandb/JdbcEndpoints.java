package dev.rowan.bench.rowandb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rowan.core.App;
import dev.rowan.core.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The same endpoints with hand-written JDBC on a HikariCP pool: the baseline the ORM is measured against. */
final class JdbcEndpoints {
    private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = ?";
    private static final String SELECT_FORTUNES = "SELECT id, message FROM fortune";
    private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = ? WHERE id = ?";

    private final HikariDataSource pool;

    private JdbcEndpoints(HikariDataSource pool) {
        this.pool = pool;
    }

    static void install(App app, String jdbcUrl, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(System.getenv().getOrDefault("DB_USER", "postgres"));
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        JdbcEndpoints e = new JdbcEndpoints(new HikariDataSource(config));
        app.onStop(e.pool::close);
        app.get("/db", e::db);
        app.get("/queries", e::queries);
        app.get("/fortunes", e::fortunes);
        app.get("/updates", e::updates);
    }

    private void db(Context ctx) throws SQLException {
        Tfb.WorldJson w;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
            w = readWorld(ps, Tfb.randomId());
        }
        ctx.header("Server", "rowan").json(w);
    }

    private void queries(Context ctx) throws SQLException {
        int n = Tfb.queries(ctx);
        Tfb.WorldJson[] out = new Tfb.WorldJson[n];
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
            for (int i = 0; i < n; i++) {
                out[i] = readWorld(ps, Tfb.randomId());
            }
        }
        ctx.header("Server", "rowan").json(Arrays.asList(out));
    }

    private void fortunes(Context ctx) throws SQLException {
        List<Tfb.FortuneRow> fortunes = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_FORTUNES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fortunes.add(new Tfb.FortuneRow(rs.getInt(1), rs.getString(2)));
            }
        }
        fortunes.add(new Tfb.FortuneRow(0, Tfb.EXTRA_FORTUNE));
        fortunes.sort(Comparator.comparing(Tfb.FortuneRow::message));
        ctx.header("Server", "rowan").render("fortunes.html", Map.of("fortunes", fortunes));
    }

    private void updates(Context ctx) throws SQLException {
        int n = Tfb.queries(ctx);
        Tfb.WorldJson[] worlds = new Tfb.WorldJson[n];
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
                for (int i = 0; i < n; i++) {
                    Tfb.WorldJson old = readWorld(ps, Tfb.randomId());
                    worlds[i] = new Tfb.WorldJson(old.id(), Tfb.newRandomNumber(old.randomNumber()));
                }
            }
            // One transaction, rows in key order (no deadlocks between concurrent batches), like the ORM's bulkUpdate.
            Tfb.WorldJson[] sorted = worlds.clone();
            Arrays.sort(sorted, Comparator.comparingInt(Tfb.WorldJson::id));
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPDATE_WORLD)) {
                for (Tfb.WorldJson w : sorted) {
                    ps.setInt(1, w.randomNumber());
                    ps.setInt(2, w.id());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        ctx.header("Server", "rowan").json(Arrays.asList(worlds));
    }

    private static Tfb.WorldJson readWorld(PreparedStatement ps, int id) throws SQLException {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Tfb.WorldJson(rs.getInt(1), rs.getInt(2));
        }
    }
}
