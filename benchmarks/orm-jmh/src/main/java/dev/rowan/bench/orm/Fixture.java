package dev.rowan.bench.orm;

import dev.rowan.db.Database;
import dev.rowan.db.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Opens the database for a vendor parameter and fills the table once. */
final class Fixture {
    private Fixture() {
    }

    static Database open(String vendor) throws Exception {
        String url = switch (vendor) {
            case "sqlite-memory" -> "sqlite::memory:";
            case "sqlite-file" -> "sqlite:" + Files.createTempFile("rowan-jmh-", ".sqlite3");
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException("vendor: sqlite-memory, sqlite-file or postgresql, not " + vendor);
        };
        Database db = Database.builder(url).maxPoolSize(2).build();
        db.execute("DROP TABLE IF EXISTS " + Person.META.table());
        db.createTables(Person.META);
        return db;
    }

    static void fill(Database db, int rows) {
        List<Person> all = new ArrayList<>(rows);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            Person p = new Person();
            p.name = "person " + i;
            p.email = "person" + i + "@example.org";
            p.age = 18 + i % 60;
            p.score = i * 0.5;
            p.active = i % 3 != 0;
            p.joined = t.plusSeconds(i * 60L);
            all.add(p);
        }
        db.atomic(() -> {
            Person.objects.using(db).bulkCreate(all);
        });
    }

    static void close(Database db) {
        db.dropTables(Person.META);
        db.close();
        String path = db.url().database();
        if (db.vendor().equals("sqlite") && !path.equals(":memory:")) {
            for (String suffix : new String[]{"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(Path.of(path + suffix));
                } catch (java.io.IOException ignored) {
                    // a temp file; the OS cleans up
                }
            }
        }
    }

    // A dedicated database on the local server (user postgres, trust auth), or ROWAN_BENCH_POSTGRESQL_URL.
    private static String postgres() throws SQLException {
        String env = System.getenv("ROWAN_BENCH_POSTGRESQL_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        DatabaseUrl admin = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres");
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), p); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'rowan_jmh'");
            if (!rs.next()) {
                st.execute("CREATE DATABASE rowan_jmh");
            }
        }
        return "postgresql://postgres@127.0.0.1:5432/rowan_jmh";
    }
}
