package dev.rowan.bench.orm;

import dev.rowan.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading 10,000 rows into {@link Person} objects: {@code Person.objects.using(db).list()} against a
 * hand-written JDBC loop over the same SQL, on the same pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class HydrationBenchmark {
    static final int ROWS = 10_000;

    @Param({"sqlite-memory", "sqlite-file", "postgresql"})
    public String vendor;

    Database db;
    String sql;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = Fixture.open(vendor);
        Fixture.fill(db, ROWS);
        sql = Person.objects.using(db).sql();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixture.close(db);
    }

    @Benchmark
    public List<Person> orm() {
        return Person.objects.using(db).list();
    }

    @Benchmark
    public List<Person> jdbc() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<Person> out = new ArrayList<>();
            while (rs.next()) {
                Person p = new Person();
                p.id = rs.getLong(1);
                p.name = rs.getString(2);
                p.email = rs.getString(3);
                p.age = rs.getInt(4);
                p.score = rs.getDouble(5);
                p.active = rs.getBoolean(6);
                p.joined = joined(rs);
                out.add(p);
            }
            return out;
        }
    }

    // SQLite stores instants as UTC text ("2026-01-01 00:00:00.000000"); PostgreSQL as timestamptz. Read each the way its driver needs.
    private java.time.Instant joined(ResultSet rs) throws SQLException {
        if (db.vendor().equals("sqlite")) {
            String s = rs.getString(7);
            return s == null ? null : java.time.LocalDateTime.parse(s.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
        }
        Timestamp t = rs.getTimestamp(7);
        return t == null ? null : t.toInstant();
    }
}
