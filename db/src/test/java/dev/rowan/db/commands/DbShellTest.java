package dev.rowan.db.commands;

import dev.rowan.core.App;
import dev.rowan.core.Command;
import dev.rowan.core.Config;
import dev.rowan.db.DbModule;
import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code dbshell} opens the real client of each database with the app's settings. */
class DbShellTest {
    private record Ran(int status, String out, String err) {
    }

    private static Ran dbshell(String url, String... args) {
        App app = App.create(Config.of(Map.of("database.url", url, "secret.key", "k".repeat(40))).withProfile("test"))
                .install(DbModule.create());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var line = new java.util.ArrayList<>(List.of("dbshell"));
        line.addAll(Arrays.asList(args));
        int status = app.runCommand(line, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assumeClient(String name) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
        assumeTrue(found || "true".equals(System.getenv("CI")), name + " is not installed; the dbshell test for it is skipped");
    }

    @Test
    void sqliteRunsTheStatementGivenAfterTheDoubleDash(@TempDir Path dir) {
        assumeClient("sqlite3");
        String url = "sqlite:" + dir.resolve("shell.db");
        Ran r = dbshell(url, "--", "create table t(x); insert into t values (40); select x + 2 from t;");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("42");
    }

    @Test
    void anUnknownAliasNamesTheConfiguredOnes() {
        Ran r = dbshell("sqlite::memory:", "--database", "analytics");
        assertThat(r.status()).isEqualTo(Command.USAGE);
        assertThat(r.err()).contains("No database is configured as 'analytics'; configured: default.");
    }

    @Test
    void aClientThatIsNotInstalledIsAMessageNotAStackTrace(@TempDir Path dir) throws Exception {
        // A PATH without the client: run the command line in a child JVM whose PATH is an empty folder.
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ShellMain.class.getName(), "dbshell").redirectErrorStream(true);
        pb.environment().put("PATH", dir.toString());
        pb.environment().put("ROWAN_PROFILE", "test");
        pb.environment().put("DATABASE_URL", "sqlite:" + dir.resolve("x.db"));
        Process child = pb.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).isEqualTo(Command.FAILED);
        assertThat(output).contains("sqlite3 (the database's command-line client) is not installed or not on the PATH")
                .contains("apt-get install sqlite3").doesNotContain("\tat ");
    }

    /** An app whose main is the command line, for the child JVM above. */
    static final class ShellMain {
        public static void main(String[] args) {
            App.create().install(DbModule.create()).run(args);
        }
    }

    @Nested
    class OnPostgres {
        @RegisterExtension
        static final DbExtension DB = DbExtension.postgresql().withoutIsolation();

        @Test
        void psqlConnectsToTheConfiguredDatabase() {
            assumeClient("psql");
            Ran r = dbshell(DB.database().url().toString(), "--", "-tAc", "select current_database() || ' ' || (40 + 2)");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out().strip()).isEqualTo(DB.database().url().database() + " 42");
        }
    }

    @Nested
    class OnMariaDb {
        @RegisterExtension
        static final DbExtension DB = DbExtension.mariadb().withoutIsolation();

        @Test
        void mariadbConnectsToTheConfiguredDatabase() {
            assumeClient("mariadb");
            Ran r = dbshell(DB.database().url().toString(), "--", "-N", "-B", "-e", "select concat(database(), ' ', 40 + 2)");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out().strip()).isEqualTo(DB.database().url().database() + " 42");
        }
    }
}
