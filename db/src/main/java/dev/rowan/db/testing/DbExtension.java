package dev.rowan.db.testing;

import dev.rowan.db.CapturedQueries;
import dev.rowan.db.Database;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.Databases;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.internal.Bridge;
import dev.rowan.db.internal.Engine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension for ORM tests: creates a throwaway database for the test class (a temporary
 * SQLite file, or a fresh PostgreSQL/MariaDB database that is dropped afterwards), creates the
 * tables of the given models, installs it as the default database, and runs every test in a
 * transaction that is rolled back, so tests never see each other's rows.
 *
 * <p>Server databases that cannot be reached are skipped with a message, unless the environment
 * variable {@code CI} is {@code true}, in which case the test fails. Server addresses come from
 * {@code ROWAN_TEST_POSTGRESQL_URL} / {@code ROWAN_TEST_MARIADB_URL} (defaults: 127.0.0.1, user
 * postgres / root).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DbExtension db = DbExtension.sqlite().models(Question.META, Choice.META);
 * }</pre>
 */
public final class DbExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final String vendor;
    private List<ModelMeta<?>> models = List.of();
    private boolean isolate = true;
    private Database database;
    private DatabaseUrl created;
    private Path sqliteFile;
    private Optional<Databases> previous = Optional.empty();

    private DbExtension(String vendor) {
        this.vendor = vendor;
    }

    /** A temporary SQLite file database. */
    public static DbExtension sqlite() {
        return new DbExtension("sqlite");
    }

    /** A throwaway PostgreSQL database. */
    public static DbExtension postgresql() {
        return new DbExtension("postgresql");
    }

    /** A throwaway MariaDB database. */
    public static DbExtension mariadb() {
        return new DbExtension("mariadb");
    }

    /** An extension for {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public static DbExtension forVendor(String vendor) {
        return new DbExtension(vendor);
    }

    /** Models whose tables are created (in this order) before the first test. */
    public DbExtension models(ModelMeta<?>... metas) {
        this.models = List.of(metas);
        return this;
    }

    /** Turns off per-test rollback (for tests of commits and on-commit callbacks). */
    public DbExtension withoutIsolation() {
        this.isolate = false;
        return this;
    }

    /** The database under test. */
    public Database database() {
        if (database == null) {
            throw new IllegalStateException("the database is created in beforeAll; register the extension as a static field");
        }
        return database;
    }

    /**
     * Runs {@code body} and fails unless it ran exactly {@code expected} statements on the database
     * under test (Django's {@code assertNumQueries}); the failure lists every statement with its
     * values. Counts what {@link Database#captureQueries} counts: statements from this thread,
     * a JDBC batch once, transaction control not at all.
     *
     * <pre>{@code
     * db.assertNumQueries(2, () -> Question.objects.all().prefetchRelated("choices").list()
     *         .forEach(q -> q.choices().list()));
     * }</pre>
     *
     * @return the captured statements, for further assertions
     */
    public CapturedQueries assertNumQueries(int expected, Runnable body) {
        CapturedQueries log = database().captureQueries(body);
        if (log.count() != expected) {
            Assertions.fail(expected + " " + (expected == 1 ? "query" : "queries") + " expected, " + log.count()
                    + " executed" + (log.count() == 0 ? "" : ":\n" + log));
        }
        return log;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        DatabaseUrl url;
        if ("sqlite".equals(vendor)) {
            sqliteFile = Files.createTempFile("rowan-test-", ".sqlite3");
            url = DatabaseUrl.parse("sqlite:" + sqliteFile);
        } else {
            DatabaseUrl server = serverUrl();
            requireReachable(server);
            String name = "rowan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin(server, "CREATE DATABASE " + name);
            created = server.withDatabase(name);
            url = created;
        }
        database = Database.builder(url).maxPoolSize(4).build();
        database.createTables(models.toArray(ModelMeta<?>[]::new));
        previous = Databases.install(Databases.of(database));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        previous.ifPresentOrElse(Databases::install, Databases::uninstall);
        if (database != null) {
            database.close();
        }
        if (created != null) {
            DatabaseUrl admin = created.withDatabase(serverUrl().database());
            admin(admin, "postgresql".equals(vendor) ? "DROP DATABASE IF EXISTS " + created.database() + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + created.database());
        }
        if (sqliteFile != null) {
            for (String suffix : new String[]{"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(sqliteFile + suffix));
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (isolate) {
            engine().beginTestTransaction();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (isolate) {
            engine().rollbackTestTransaction();
        }
    }

    private Engine engine() {
        return Bridge.access().engine(database());
    }

    private DatabaseUrl serverUrl() {
        String env = "postgresql".equals(vendor) ? "ROWAN_TEST_POSTGRESQL_URL" : "ROWAN_TEST_MARIADB_URL";
        String fallback = "postgresql".equals(vendor) ? "postgresql://postgres@127.0.0.1:5432/test" : "mariadb://root@127.0.0.1:3306/test";
        return DatabaseUrl.parse(Optional.ofNullable(System.getenv(env)).filter(s -> !s.isBlank()).orElse(fallback));
    }

    private void requireReachable(DatabaseUrl url) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(url.host(), url.port()), 1000);
        } catch (IOException e) {
            String msg = vendor + " is not reachable at " + url.host() + ":" + url.port() + " (" + e.getMessage()
                    + "); skipping these tests. Start the server or set " + ("postgresql".equals(vendor)
                    ? "ROWAN_TEST_POSTGRESQL_URL" : "ROWAN_TEST_MARIADB_URL") + "; with CI=true this is a failure.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(msg, e);
            }
            Assumptions.abort(msg);
        }
    }

    private static void admin(DatabaseUrl url, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user().isEmpty() ? ("postgresql".equals(url.vendor()) ? "postgres" : "root") : url.user());
        p.setProperty("password", url.password());
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), p); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
