package dev.rowan.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.rowan.db.ConnectionUnavailable;
import dev.rowan.db.Database;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.DbException;
import dev.rowan.db.internal.dialect.MariaDbDialect;
import dev.rowan.db.internal.dialect.PostgresDialect;
import dev.rowan.db.internal.dialect.SqliteDialect;
import dev.rowan.db.internal.dialect.TypedValue;
import dev.rowan.db.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** One configured database: its pool, dialect and the transactions bound to threads. */
public final class Engine implements AutoCloseable {
    private final Database database;
    private final String alias;
    private final DatabaseUrl url;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final OutageGate gate;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    // Compiled SELECTs by query shape; bounded by dropping everything when full (shapes are few in
    // a real app, and an app that builds unbounded shapes should not grow memory for it).
    private static final int MAX_CACHED_SELECTS = 2048;
    private final Map<List<Object>, CompiledSelect<?>> selects = new ConcurrentHashMap<>();
    private final LongAdder selectCompilations = new LongAdder();
    private final QueryLog log = new QueryLog();

    /** Opens a pool for {@code url}. */
    public Engine(Database database, String alias, DatabaseUrl url, int maxPoolSize, long connectionTimeoutMillis) {
        this.database = database;
        this.alias = alias;
        this.url = url;
        this.dialect = switch (url.vendor()) {
            case "sqlite" -> new SqliteDialect();
            case "postgresql" -> new PostgresDialect();
            default -> new MariaDbDialect();
        };
        HikariConfig config = new HikariConfig();
        config.setPoolName("rowan-" + alias);
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setInitializationFailTimeout(-1);
        dialect.configure(config, url);
        this.gate = url.vendor().equals("sqlite") ? null : watchOutages(config);
        this.pool = new HikariDataSource(config);
        if (gate != null) {
            gate.countPooledWith(() -> pool.getHikariPoolMXBean().getTotalConnections());
        }
    }

    // A server can go away and come back (a restart, a network cut); an embedded SQLite file cannot,
    // and its busy lock at connect time must not read as an outage.
    private OutageGate watchOutages(HikariConfig config) {
        OutageGate g = new OutageGate(alias, url.toString(), e -> dialect.translate(e, alias) instanceof ConnectionUnavailable);
        DataSource direct = config.getDataSource() != null ? config.getDataSource()
                : new DriverDataSource(config.getJdbcUrl(), config.getDriverClassName(), config.getDataSourceProperties(),
                        config.getUsername(), config.getPassword());
        config.setDataSource(g.watch(direct));
        return g;
    }

    /** The public handle. */
    public Database database() {
        return database;
    }

    /** The alias, e.g. {@code default}. */
    public String alias() {
        return alias;
    }

    /** The URL it was opened with. */
    public DatabaseUrl url() {
        return url;
    }

    /** The vendor dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** The pool. */
    public HikariDataSource pool() {
        return pool;
    }

    /** The statements this database runs on the current thread while a capture is open. */
    public QueryLog log() {
        return log;
    }

    /** Runs {@code fn} with the thread's transaction connection, or a pooled autocommit connection. */
    public <R> R withConnection(SqlFunction<R> fn) {
        Tx tx = current.get();
        try {
            if (tx != null) {
                return fn.apply(tx.connection);
            }
            try (Connection c = acquire()) {
                return fn.apply(c);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A connection from the pool (the caller closes it); fails at once while the server is known to be down. */
    public Connection acquire() throws SQLException {
        return gate == null ? pool.getConnection() : gate.checkout(pool);
    }

    /** The connection of the thread's transaction, if any. */
    public Connection transactionConnection() {
        Tx tx = current.get();
        return tx == null ? null : tx.connection;
    }

    /** Runs {@code body} in a transaction; nested calls use savepoints. */
    public <R> R atomic(Supplier<R> body) {
        Tx tx = current.get();
        if (tx == null) {
            return outermost(body);
        }
        return nested(tx, body);
    }

    /** Whether the thread is inside {@link #atomic}. */
    public boolean inAtomic() {
        Tx tx = current.get();
        return tx != null && (tx.depth > 0 || !tx.testIsolation);
    }

    /** Runs {@code callback} after the outermost transaction commits (now, outside a transaction). */
    public void onCommit(Runnable callback) {
        Tx tx = current.get();
        if (tx == null) {
            callback.run();
        } else {
            tx.onCommit.add(callback);
        }
    }

    /** Begins a transaction that the test extension rolls back after each test. */
    public void beginTestTransaction() {
        if (current.get() != null) {
            throw new IllegalStateException("a transaction is already open on this thread");
        }
        try {
            Connection c = acquire();
            c.setAutoCommit(false);
            current.set(new Tx(c, true));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Rolls back the test transaction and drops its on-commit callbacks. */
    public void rollbackTestTransaction() {
        Tx tx = current.get();
        current.remove();
        if (tx == null) {
            return;
        }
        try (Connection c = tx.connection) {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * The {@code statement} SELECT for {@code state}, compiled once per query shape and bound to this
     * execution's values.
     */
    @SuppressWarnings("unchecked")
    public <R> CompiledSelect<R> select(String statement, QueryState state, Function<Compiler, CompiledSelect<R>> compile) {
        QueryShape shape = QueryShape.of(statement, state);
        CompiledSelect<?> cached = selects.get(shape.key());
        if (cached == null) {
            cached = compile.apply(new Compiler(dialect, shape.template(), database));
            selectCompilations.increment();
            if (selects.size() >= MAX_CACHED_SELECTS) {
                selects.clear();
            }
            selects.put(shape.key(), cached);
        }
        return ((CompiledSelect<R>) cached).bind(shape.values());
    }

    /** How many SELECTs were compiled (cache misses), for tests and diagnostics. */
    public long selectCompilations() {
        return selectCompilations.sum();
    }

    /** Translates a driver exception (names the constraint for integrity errors). */
    public DbException translate(SQLException e) {
        return dialect.translate(e, alias);
    }

    /** Executes an update statement with bound parameters. */
    public int update(String sql, List<Object> params) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                long start = log.start();
                int n = ps.executeUpdate();
                log.record(sql, params, 1, start);
                return n;
            }
        });
    }

    /** Binds driver values to placeholders 1..n. */
    public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bindOne(ps, i + 1, params.get(i));
        }
    }

    /** Binds one driver value. */
    public static void bindOne(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v instanceof TypedValue t) {
            ps.setObject(index, t.value(), t.sqlType());
        } else {
            ps.setObject(index, v);
        }
    }

    @Override
    public void close() {
        if (gate != null) {
            gate.close();
        }
        pool.close();
    }

    private <R> R outermost(Supplier<R> body) {
        Connection c;
        try {
            c = acquire();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw translate(e);
        }
        Tx tx = new Tx(c, false);
        current.set(tx);
        R result;
        try {
            result = body.get();
            if (tx.brokenBy != null) {
                throw tx.brokenBy;
            }
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw translate(e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            current.remove();
            release(c);
        }
        runCallbacks(tx.onCommit);
        return result;
    }

    private <R> R nested(Tx tx, Supplier<R> body) {
        int callbacks = tx.onCommit.size();
        Savepoint sp;
        try {
            sp = tx.connection.setSavepoint();
        } catch (SQLException e) {
            throw translate(e);
        }
        tx.depth++;
        try {
            R result = body.get();
            tx.connection.releaseSavepoint(sp);
            return result;
        } catch (SQLException e) {
            DbException failure = translate(e);
            rollbackTo(tx, sp, callbacks, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            rollbackTo(tx, sp, callbacks, e);
            throw e;
        } finally {
            tx.depth--;
        }
    }

    // When the rollback fails too (the server dropped the connection, and the pool closed it), the
    // failure that caused it is what the caller must see: a dropped connection stays a 503, not a
    // 500 about the rollback. The transaction is no longer trustworthy, so it cannot commit.
    private void rollbackTo(Tx tx, Savepoint sp, int callbacks, Throwable cause) {
        try {
            tx.connection.rollback(sp);
        } catch (SQLException e) {
            cause.addSuppressed(e);
            if (tx.brokenBy == null) {
                tx.brokenBy = e;
            }
        }
        tx.onCommit.subList(callbacks, tx.onCommit.size()).clear();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private static void release(Connection c) {
        try (c) {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the pool discards broken connections itself
        }
    }

    private static void runCallbacks(List<Runnable> callbacks) {
        RuntimeException first = null;
        for (Runnable r : new ArrayList<>(callbacks)) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
