package dev.rowan.db;

import dev.rowan.db.internal.Engine;
import dev.rowan.db.internal.SchemaEditorImpl;
import dev.rowan.db.spi.Dialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One configured database: a HikariCP pool, its dialect and its transactions. Open it from a URL;
 * share it for the life of the application; close it at shutdown.
 *
 * <pre>{@code
 * try (Database db = Database.connect("sqlite:db.sqlite3")) {
 *     db.atomic(() -> { question.save(db); question.choices().create(c -> c.choiceText = "Yes"); });
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private final Engine engine;

    private Database(String alias, DatabaseUrl url, int maxPoolSize, long connectionTimeoutMillis) {
        this.engine = new Engine(this, alias, url, maxPoolSize, connectionTimeoutMillis);
    }

    /** Opens the database at {@code url} under the alias {@code default}. */
    public static Database connect(String url) {
        return builder(url).build();
    }

    /** Opens the database named by the {@code DATABASE_URL} environment variable, else {@code sqlite:db.sqlite3}. */
    public static Database fromEnvironment() {
        return connect(Optional.ofNullable(System.getenv("DATABASE_URL")).filter(s -> !s.isBlank()).orElse("sqlite:db.sqlite3"));
    }

    /** Starts configuring a database. */
    public static Builder builder(String url) {
        return new Builder(DatabaseUrl.parse(url));
    }

    /** Starts configuring a database from a parsed URL. */
    public static Builder builder(DatabaseUrl url) {
        return new Builder(url);
    }

    /** The alias ({@code default} unless configured). */
    public String alias() {
        return engine.alias();
    }

    /** The URL (password masked by {@code toString}). */
    public DatabaseUrl url() {
        return engine.url();
    }

    /** {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public String vendor() {
        return engine.dialect().vendor();
    }

    /** The dialect. */
    public Dialect dialect() {
        return engine.dialect();
    }

    /**
     * The pool, for code that needs plain JDBC next to the ORM. Unlike the ORM, a checkout here waits
     * the connection timeout even while the server is known to be down.
     */
    public DataSource dataSource() {
        return engine.pool();
    }

    /**
     * Runs {@code body} in a transaction and returns its result: committed when it returns, rolled back
     * when it throws. Nested calls create savepoints, so an inner failure undoes only the inner block.
     */
    public <R> R atomic(Supplier<R> body) {
        return engine.atomic(body);
    }

    /** {@link #atomic(Supplier)} for a block without result. */
    public void atomic(Runnable body) {
        engine.atomic(() -> {
            body.run();
            return null;
        });
    }

    /** Whether the current thread is inside {@link #atomic}. */
    public boolean inAtomic() {
        return engine.inAtomic();
    }

    /** Runs {@code callback} after the outermost {@link #atomic} commits; never if it rolls back; now if none is open. */
    public void onCommit(Runnable callback) {
        engine.onCommit(callback);
    }

    /** The operation-level DDL API for this database (what migrations drive). */
    public SchemaEditor schemaEditor() {
        return new SchemaEditorImpl(engine, false);
    }

    /** A schema editor that records the SQL instead of running it (for {@code sqlmigrate}-style output). */
    public SchemaEditor collectingSchemaEditor() {
        return new SchemaEditorImpl(engine, true);
    }

    /** Creates the tables of {@code models} (in the given order) with their indexes, constraints and join tables. */
    public void createTables(ModelMeta<?>... models) {
        SchemaEditor editor = schemaEditor();
        for (ModelMeta<?> m : models) {
            editor.createModel(m);
        }
    }

    /** Drops the tables of {@code models} (in reverse order). */
    public void dropTables(ModelMeta<?>... models) {
        SchemaEditor editor = schemaEditor();
        List<ModelMeta<?>> list = new ArrayList<>(Arrays.asList(models));
        for (int i = list.size() - 1; i >= 0; i--) {
            editor.deleteModel(list.get(i));
        }
    }

    /** Runs a statement with bound parameters; returns the update count. */
    public int execute(String sql, Object... params) {
        List<Object> values = new ArrayList<>();
        for (Object p : params) {
            values.add(engine.dialect().toDb(null, p));
        }
        return engine.update(sql, values);
    }

    /**
     * Runs {@code body} and returns the statements it ran on this database from the calling thread:
     * SQL, bound values and time, in order. Transaction control (begin, commit, savepoints) is not
     * listed; statements on other threads are not either, so concurrent work in the same pool does
     * not disturb a count.
     *
     * <pre>{@code
     * CapturedQueries log = db.captureQueries(() -> Question.objects.all().prefetchRelated("choices").list());
     * log.count();        // 2
     * log.sql();          // [SELECT ... FROM "polls_question" ..., SELECT ... WHERE "question_id" IN (?, ?)]
     * }</pre>
     */
    public CapturedQueries captureQueries(Runnable body) {
        return CapturedQueries.of(engine.log().capture(body));
    }

    /** Closes the pool. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return alias() + "=" + url();
    }

    Engine engine() {
        return engine;
    }

    /**
     * Options of a database under construction.
     *
     * <pre>{@code
     * Database replica = Database.builder("postgresql://app@db2/app").alias("replica").maxPoolSize(20).build();
     * }</pre>
     */
    public static final class Builder {
        private final DatabaseUrl url;
        private String alias = "default";
        private int maxPoolSize = 10;
        private long connectionTimeoutMillis = 10_000;

        private Builder(DatabaseUrl url) {
            this.url = url;
        }

        /** The alias under which {@link Databases} finds it. */
        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        /** Maximum pooled connections (default 10; SQLite in memory always uses one). */
        public Builder maxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /**
         * How long to wait for a free connection before {@link ConnectionUnavailable} (default 10 s,
         * minimum 250 ms). While a server is known to be down the ORM does not wait: it fails at once.
         */
        public Builder connectionTimeout(java.time.Duration timeout) {
            this.connectionTimeoutMillis = Math.max(250, timeout.toMillis());
            return this;
        }

        /** Opens the pool (connections are made lazily, so a down server fails on first use). */
        public Database build() {
            return new Database(alias, url, maxPoolSize, connectionTimeoutMillis);
        }
    }
}
