package dev.rowan.bench.javalindb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TechEmpower's database work with hand-written JDBC on HikariCP and the /fortunes page through Pebble
 * (autoescaping on), the same SQL, pool size and template as benchmarks/rowan-db in jdbc mode.
 * Env: {@code DB_HOST} (127.0.0.1), {@code DB_POOL} (16).
 */
final class Store {
    record World(int id, int randomNumber) {
    }

    record Fortune(int id, String message) {
    }

    private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = ?";
    private static final String SELECT_FORTUNES = "SELECT id, message FROM fortune";
    private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = ? WHERE id = ?";

    private final HikariDataSource pool;
    private final PebbleTemplate fortunesTemplate;

    Store() {
        int size = Integer.parseInt(System.getenv().getOrDefault("DB_POOL", "16"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":5432/hello_world");
        config.setUsername(System.getenv().getOrDefault("DB_USER", "postgres"));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        pool = new HikariDataSource(config);
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        fortunesTemplate = new PebbleEngine.Builder().loader(loader).build().getTemplate("fortunes.html");
    }

    /** {@code ?queries=}: missing or not an integer means 1; clamped to 1..500. */
    static int count(String raw) {
        try {
            return Math.clamp(Integer.parseInt(raw), 1, 500);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    World world() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
            return read(ps, randomId());
        }
    }

    List<World> worlds(int n) throws SQLException {
        World[] out = new World[n];
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
            for (int i = 0; i < n; i++) {
                out[i] = read(ps, randomId());
            }
        }
        return Arrays.asList(out);
    }

    List<World> update(int n) throws SQLException {
        World[] worlds = new World[n];
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
                for (int i = 0; i < n; i++) {
                    World old = read(ps, randomId());
                    int next;
                    do {
                        next = randomId();
                    } while (next == old.randomNumber());
                    worlds[i] = new World(old.id(), next);
                }
            }
            // One transaction, rows in key order so concurrent batches never deadlock.
            World[] sorted = worlds.clone();
            Arrays.sort(sorted, Comparator.comparingInt(World::id));
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPDATE_WORLD)) {
                for (World w : sorted) {
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
        return Arrays.asList(worlds);
    }

    String fortunesHtml() throws SQLException {
        List<Fortune> fortunes = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_FORTUNES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fortunes.add(new Fortune(rs.getInt(1), rs.getString(2)));
            }
        }
        fortunes.add(new Fortune(0, "Additional fortune added at request time."));
        fortunes.sort(Comparator.comparing(Fortune::message));
        StringWriter out = new StringWriter(2048);
        try {
            fortunesTemplate.evaluate(out, Map.of("fortunes", fortunes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static int randomId() {
        return 1 + ThreadLocalRandom.current().nextInt(10_000);
    }

    private static World read(PreparedStatement ps, int id) throws SQLException {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new World(rs.getInt(1), rs.getInt(2));
        }
    }
}
