package dev.rowan.bench.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * TechEmpower's database work in hand-written JDBC on a HikariCP pool, on the schema of
 * benchmarks/db/setup.sql (user postgres, trust auth). The Jooby and Javalin servers and rowan-db's
 * jdbc mode all use this class, so they run the same SQL, pool settings and statement handling.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.open("127.0.0.1", 16);
 * List<WorldRow> rows = store.worlds(Tfb.count("20"));
 * }</pre>
 */
public final class JdbcStore implements AutoCloseable {
    private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = ?";
    private static final String SELECT_FORTUNES = "SELECT id, message FROM fortune";
    private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = ? WHERE id = ?";

    private final HikariDataSource pool;

    private JdbcStore(HikariDataSource pool) {
        this.pool = pool;
    }

    /** A pool of {@code poolSize} connections (all opened at start) to hello_world on {@code host}. */
    public static JdbcStore open(String host, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":5432/hello_world");
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        return new JdbcStore(new HikariDataSource(config));
    }

    /** {@link #open} with env {@code DB_HOST} (127.0.0.1) and {@code DB_POOL} (16), as run-db.sh sets them. */
    public static JdbcStore fromEnv() {
        return open(System.getenv().getOrDefault("DB_HOST", "127.0.0.1"),
                Integer.parseInt(System.getenv().getOrDefault("DB_POOL", "16")));
    }

    /** /db: one random row. */
    public WorldRow world() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
            return read(ps, Tfb.randomId());
        }
    }

    /** /queries: {@code n} random rows, one query each, on one connection. */
    public List<WorldRow> worlds(int n) throws SQLException {
        WorldRow[] out = new WorldRow[n];
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
            for (int i = 0; i < n; i++) {
                out[i] = read(ps, Tfb.randomId());
            }
        }
        return Arrays.asList(out);
    }

    /** /updates: {@code n} random rows read, each given a new randomNumber, written in one batch. */
    public List<WorldRow> update(int n) throws SQLException {
        WorldRow[] worlds = new WorldRow[n];
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
                for (int i = 0; i < n; i++) {
                    WorldRow old = read(ps, Tfb.randomId());
                    worlds[i] = new WorldRow(old.id(), Tfb.newRandomNumber(old.randomNumber()));
                }
            }
            // One transaction, rows in key order so concurrent batches never deadlock (like the ORM's bulkUpdate).
            WorldRow[] sorted = worlds.clone();
            Arrays.sort(sorted, Comparator.comparingInt(WorldRow::id));
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPDATE_WORLD)) {
                for (WorldRow w : sorted) {
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

    /** /fortunes: every row plus {@link Tfb#EXTRA_FORTUNE}, sorted by message, ready for the template. */
    public List<FortuneRow> fortunes() throws SQLException {
        List<FortuneRow> fortunes = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_FORTUNES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fortunes.add(new FortuneRow(rs.getInt(1), rs.getString(2)));
            }
        }
        fortunes.add(new FortuneRow(0, Tfb.EXTRA_FORTUNE));
        fortunes.sort(Comparator.comparing(FortuneRow::message));
        return fortunes;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static WorldRow read(PreparedStatement ps, int id) throws SQLException {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new WorldRow(rs.getInt(1), rs.getInt(2));
        }
    }
}
