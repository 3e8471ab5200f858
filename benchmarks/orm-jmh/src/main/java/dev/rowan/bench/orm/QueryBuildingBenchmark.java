package dev.rowan.bench.orm;

import dev.rowan.db.Database;
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
 * Building one filtered, ordered, sliced query: the ORM (query set, shape, compiled-SQL cache,
 * binding) against concatenating the SQL by hand with its parameter list. No database round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class QueryBuildingBenchmark {
    @Param({"sqlite-memory", "postgresql"})
    public String vendor;

    Database db;
    int age = 30;

    record Sql(String text, List<Object> params) {
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = Fixture.open(vendor);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixture.close(db);
    }

    @Benchmark
    public String orm() {
        return Person.objects.using(db).filter("age__gte", age).filter("active", true).orderBy("-score", "name").slice(20, 40).sql();
    }

    @Benchmark
    public Sql handWritten() {
        String sql = "SELECT t0.\"id\", t0.\"name\", t0.\"email\", t0.\"age\", t0.\"score\", t0.\"active\", t0.\"joined\" "
                + "FROM \"bench_person\" t0 WHERE (t0.\"age\" >= ? AND t0.\"active\" = ?) ORDER BY t0.\"score\" DESC, t0.\"name\" ASC LIMIT ? OFFSET ?";
        return new Sql(sql, List.of(age, true, 20L, 20L));
    }
}
