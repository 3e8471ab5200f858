package dev.rowan.db.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rowan.db.Agg;
import dev.rowan.db.Aggregates;
import dev.rowan.db.CapturedQueries;
import dev.rowan.db.CapturedQuery;
import dev.rowan.db.Database;
import dev.rowan.db.FieldError;
import dev.rowan.db.MultipleFound;
import dev.rowan.db.Q;
import dev.rowan.db.internal.Bridge;
import dev.rowan.db.testing.DbExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ORM details a new user meets first: prefetch caches, the query log, year ranges, typed aggregates. */
abstract class OrmDetailsContract {
    static DbExtension extension(String vendor) {
        return DbExtension.forVendor(vendor).models(Author.META, Tag.META, Book.META, Review.META, Profile.META, Sample.META);
    }

    abstract DbExtension ext();

    Database db() {
        return ext().database();
    }

    Author ann;
    Author bob;

    @BeforeEach
    void seed() {
        ann = Author.objects.create(Author.named("Ann"));
        bob = Author.objects.create(Author.named("Bob"));
        Book dune = Book.of("Dune", ann, 412);
        dune.published = LocalDate.of(2026, 1, 1);
        dune.price = new BigDecimal("9.50");
        Book.objects.create(dune);
        Book zed = Book.of("Zed", ann, 100);
        zed.published = LocalDate.of(2025, 12, 31);
        zed.price = new BigDecimal("0.25");
        Book.objects.create(zed);
        Book emma = Book.of("Emma", bob, 300);
        emma.published = LocalDate.of(2026, 12, 31);
        Book.objects.create(emma);
        Book.objects.create(Book.of("Undated", bob, null));
        Book late = Book.of("Late", bob, 50);
        late.published = LocalDate.of(2027, 1, 1);
        Book.objects.create(late);
    }

    // ---- prefetchRelated: every read of the relation uses the prefetched rows -----------------

    @Test
    void readsOfAPrefetchedRelationRunNoQuery() {
        AtomicReference<List<Author>> loaded = new AtomicReference<>();
        ext().assertNumQueries(2, () -> loaded.set(Author.objects.all().prefetchRelated("books").list()));
        Author a = loaded.get().getFirst();
        Author b = loaded.get().getLast();
        ext().assertNumQueries(0, () -> {
            assertThat(a.books().all().list()).extracting(x -> x.title).containsExactlyInAnyOrder("Dune", "Zed");
            assertThat(a.books().all().count()).isEqualTo(2);
            assertThat(a.books().all().exists()).isTrue();
            assertThat(a.books().all().first().orElseThrow().title).isEqualTo("Dune");   // by key: created first
            assertThat(a.books().all().last().orElseThrow().title).isEqualTo("Zed");
            assertThat(a.books().all().stream().map(x -> x.title).sorted().toList()).containsExactly("Dune", "Zed");
            List<String> seen = new ArrayList<>();
            a.books().all().forEach(x -> seen.add(x.title));
            assertThat(seen).hasSize(2);
            assertThat(a.books().list()).hasSize(2);
            assertThat(a.books().count()).isEqualTo(2);
            assertThatThrownBy(() -> b.books().all().get()).isInstanceOf(MultipleFound.class);
        });
    }

    @Test
    void derivedQueriesOfAPrefetchedRelationQueryAsInDjango() {
        Author a = Author.objects.filter("name", "Ann").prefetchRelated("books").list().getFirst();
        ext().assertNumQueries(1, () -> assertThat(a.books().all().filter("pages__gt", 200).list()).extracting(x -> x.title)
                .containsExactly("Dune"));
        ext().assertNumQueries(1, () -> assertThat(a.books().filter("pages__lt", 200).count()).isEqualTo(1));
        ext().assertNumQueries(1, () -> a.books().all().orderBy("-title").list());
        ext().assertNumQueries(1, () -> a.books().all().values("title"));
    }

    @Test
    void changingARelationDropsItsPrefetchedRows() {
        Author a = Author.objects.filter("name", "Ann").prefetchRelated("books").list().getFirst();
        a.books().create(x -> {
            x.title = "Added";
            x.pages = 1;
        });
        ext().assertNumQueries(1, () -> assertThat(a.books().all().list()).extracting(x -> x.title)
                .containsExactlyInAnyOrder("Dune", "Zed", "Added"));
    }

    // ---- the query log ---------------------------------------------------------------------

    @Test
    void captureQueriesListsSqlValuesAndTimes() {
        CapturedQueries log = db().captureQueries(() -> {
            Book.objects.filter("title", "Dune").list();
            Book.objects.filter("pages__gt", 100).count();
        });
        assertThat(log.count()).isEqualTo(2);
        CapturedQuery first = log.queries().getFirst();
        assertThat(first.sql()).startsWith("SELECT").contains("title");
        assertThat(first.params()).containsExactly("Dune");
        assertThat(first.batchSize()).isEqualTo(1);
        assertThat(first.duration()).isPositive();
        assertThat(log.sql().get(1)).contains("COUNT(*)");
        assertThat(log.queries().get(1).params()).containsExactly(100);
        assertThat(log.totalDuration()).isGreaterThanOrEqualTo(first.duration());
    }

    @Test
    void captureQueriesSeesWritesBatchesAndRawStatements() {
        List<Book> books = Book.objects.all().list();
        books.forEach(x -> x.pages = 7);
        CapturedQueries log = db().captureQueries(() -> {
            Book.objects.bulkUpdate(books, "pages");
            Author.objects.create(Author.named("Cid"));
            db().execute("UPDATE library_author SET born = NULL WHERE name = ?", "Cid");
            Author.objects.filter("name", "Cid").delete();
        });
        assertThat(log.queries().getFirst().sql()).startsWith("UPDATE");
        assertThat(log.queries().getFirst().batchSize()).isEqualTo(books.size());
        assertThat(log.queries().getFirst().params()).hasSize(2 * books.size());
        assertThat(log.sql()).anyMatch(s -> s.startsWith("INSERT INTO")).anyMatch(s -> s.startsWith("DELETE FROM"))
                .contains("UPDATE library_author SET born = NULL WHERE name = ?");
    }

    @Test
    void capturesNestAndIgnoreOtherThreads() throws Exception {
        AtomicReference<CapturedQueries> inner = new AtomicReference<>();
        CapturedQueries outer = db().captureQueries(() -> {
            Author.objects.count();
            inner.set(db().captureQueries(() -> Book.objects.count()));
            Thread other = Thread.ofPlatform().start(() -> Tag.objects.count());
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outer.count()).isEqualTo(2);
        assertThat(inner.get().count()).isEqualTo(1);
    }

    @Test
    void assertNumQueriesFailsWithTheQueriesItSaw() {
        assertThatThrownBy(() -> ext().assertNumQueries(1, () -> {
            Book.objects.filter("title", "Dune").list();
            Author.objects.count();
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 query expected, 2 executed")
                .hasMessageContaining("1. SELECT")
                .hasMessageContaining("[Dune]")
                .hasMessageContaining("2. SELECT COUNT(*)");
        assertThatThrownBy(() -> ext().assertNumQueries(1, () -> { }))
                .hasMessage("1 query expected, 0 executed");
    }

    // ---- __year is a range on the column ---------------------------------------------------

    @Test
    void yearLookupsCompileToARangeOnTheColumn() {
        String sql = Book.objects.filter("published__year", 2026).sql();
        assertThat(sql).contains("." + db().dialect().quote("published") + " >= ? AND ").doesNotContainIgnoringCase("strftime")
                .doesNotContainIgnoringCase("extract").doesNotContain("YEAR(");
        CapturedQuery q = db().captureQueries(() -> Book.objects.filter("published__year", 2026).list()).queries().getFirst();
        assertThat(q.params()).hasSize(2);
        assertThat(Book.objects.filter("published__month", 12).sql()).doesNotContain(">= ? AND");
    }

    @Test
    void yearRangesKeepTheBoundaries() {
        assertThat(titles("published__year", 2026)).containsExactly("Dune", "Emma");
        assertThat(titles("published__year__gt", 2026)).containsExactly("Late");
        assertThat(titles("published__year__gte", 2026)).containsExactly("Dune", "Emma", "Late");
        assertThat(titles("published__year__lt", 2026)).containsExactly("Zed");
        assertThat(titles("published__year__lte", 2026)).containsExactly("Dune", "Emma", "Zed");
        assertThat(titles("published__year", "2025")).containsExactly("Zed");
        // exclude() keeps Django's meaning: a row without a date is not in 2026, so it is kept
        assertThat(Book.objects.exclude("published__year", 2026).orderBy("title").list()).extracting(b -> b.title)
                .containsExactly("Late", "Undated", "Zed");
        assertThat(titles("published__year__in", List.of(2025, 2027))).containsExactly("Late", "Zed");
        assertThat(titles("published__month", 12)).containsExactly("Emma", "Zed");
        assertThatThrownBy(() -> Book.objects.filter("published__year", "twenty").list())
                .hasMessageStartingWith("db.E116");
    }

    @Test
    void yearRangesOnDateTimesAreInUtc() {
        for (String moment : List.of("2025-12-31T23:59:59.999999Z", "2026-01-01T00:00:00Z", "2026-12-31T23:59:59.999999Z",
                "2027-01-01T00:00:00Z")) {
            Sample.objects.create(s -> s.moment = Instant.parse(moment));
        }
        assertThat(Sample.objects.filter("moment__year", 2026).orderBy("moment").list()).extracting(s -> s.moment.toString())
                .containsExactly("2026-01-01T00:00:00Z", "2026-12-31T23:59:59.999999Z");
        assertThat(Sample.objects.filter("moment__year__lte", 2025).count()).isEqualTo(1);
        assertThat(Sample.objects.filter("moment__year__gt", 2026).count()).isEqualTo(1);
    }

    @Test
    void anIndexOnTheColumnServesAYearLookup() throws Exception {
        // MariaDB commits DDL implicitly, which would end the test's rolled-back transaction.
        Assumptions.assumeFalse(db().vendor().equals("mariadb"), "MariaDB cannot create an index inside the test transaction");
        db().execute("CREATE INDEX library_book_published_test ON library_book (published)");
        String plan = plan(Book.objects.filter("published__year", 2026).sql(), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        assertThat(plan).containsIgnoringCase("library_book_published_test");
    }

    /** The database's plan for {@code sql}, on the test transaction's connection (it sees the new index). */
    private String plan(String sql, LocalDate from, LocalDate to) throws Exception {
        Connection c = Bridge.access().engine(db()).transactionConnection();
        boolean sqlite = db().vendor().equals("sqlite");
        if (!sqlite) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL enable_seqscan = off");   // a five-row table would be scanned otherwise
            }
        }
        try (PreparedStatement ps = c.prepareStatement((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql)) {
            ps.setObject(1, sqlite ? from.toString() : from);
            ps.setObject(2, sqlite ? to.toString() : to);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(rs.getMetaData().getColumnCount())).append('\n');
                }
            }
            return out.toString();
        }
    }

    private static List<String> titles(String path, Object value) {
        return Book.objects.filter(path, value).orderBy("title").list().stream().map(b -> b.title).toList();
    }

    // ---- aggregates come back typed --------------------------------------------------------

    @Test
    void aggregatesAreTypedByFunctionAndField() {
        Long pages = Book.objects.all().aggregate(Agg.sum("pages")).orElseThrow();
        assertThat(pages).isEqualTo(862L);
        BigDecimal price = Book.objects.all().aggregate(Agg.sum("price", BigDecimal.class)).orElseThrow();
        assertThat(price).isEqualByComparingTo("9.75");
        assertThat(price.scale()).isEqualTo(2);
        Double avg = Book.objects.all().aggregate(Agg.avg(Book_.pages)).orElseThrow();
        assertThat(avg).isEqualTo(215.5);
        Long count = Book.objects.all().aggregate(Agg.countAll()).orElseThrow();
        assertThat(count).isEqualTo(5L);
        Integer most = Book.objects.all().aggregate(Agg.max(Book_.pages)).orElseThrow();
        assertThat(most).isEqualTo(412);
        LocalDate earliest = Book.objects.all().aggregate(Agg.min(Book_.published)).orElseThrow();
        assertThat(earliest).isEqualTo(LocalDate.of(2025, 12, 31));
        Optional<Long> none = Book.objects.filter("pages__gt", 10_000).aggregate(Agg.sum("pages"));
        assertThat(none).isEmpty();
        assertThat(Book.objects.filter("pages__gt", 10_000).aggregate(Agg.count("pages"))).contains(0L);
    }

    @Test
    void sumsOfEveryNumericFieldHaveOneTypeOnEveryDatabase() {
        Sample.objects.create(s -> {
            s.small = (short) 3;
            s.integer = 2_000_000_000;
            s.big = 5_000_000_000L;
            s.precise = 0.5;
            s.ratio = 1.5f;
            s.span = Duration.ofSeconds(90);
        });
        Sample.objects.create(s -> {
            s.small = (short) 4;
            s.integer = 2_000_000_000;
            s.big = 5_000_000_000L;
            s.precise = 0.25;
            s.ratio = 1.0f;
            s.span = Duration.ofSeconds(30);
        });
        Agg<Long> small = Agg.sum("small");
        Agg<Long> integer = Agg.sum("integer");
        Agg<Long> big = Agg.sum("big");
        Agg<Double> precise = Agg.sum("precise", Double.class);
        Agg<Double> ratio = Agg.sum("ratio", Double.class);
        Agg<Duration> span = Agg.sum("span", Duration.class);
        Agg<Float> maxRatio = Agg.max("ratio", Float.class);
        Aggregates r = Sample.objects.all().aggregate(small, integer, big, precise, ratio, span, maxRatio);
        assertThat(r.get(small)).contains(7L);
        assertThat(r.get(integer)).contains(4_000_000_000L);   // past Integer.MAX_VALUE
        assertThat(r.get(big)).contains(10_000_000_000L);
        assertThat(r.get(precise)).contains(0.75);
        assertThat(r.get(ratio)).contains(2.5);
        assertThat(r.get(span)).contains(Duration.ofMinutes(2));
        assertThat(r.get(maxRatio)).contains(1.5f);
        assertThat(r.asMap().values()).allSatisfy(v -> assertThat(v.getClass().getPackageName()).startsWith("java."));
        assertThat(r.get("integer__sum")).contains(4_000_000_000L);
    }

    @Test
    void aPromisedTypeThatIsNotTheFieldsIsAClearError() {
        assertThatThrownBy(() -> Book.objects.all().aggregate(Agg.sum("price")))
                .isInstanceOf(FieldError.class)
                .hasMessageStartingWith("db.E117")
                .hasMessageContaining("is a BigDecimal")
                .hasMessageContaining("use Agg.sum(\"price\", BigDecimal.class)");
        assertThatThrownBy(() -> Book.objects.all().aggregate(Agg.max("published", Instant.class)))
                .hasMessageContaining("use Agg.max(\"published\", LocalDate.class)");
        assertThatThrownBy(() -> Book.objects.all().aggregate(Agg.sum("title", Long.class)))
                .hasMessageStartingWith("db.E117").hasMessageContaining("sums are of integer");
    }

    @Test
    void annotatedAggregatesAreTypedToo() {
        List<Object> counts = Author.objects.all().annotate("n", Agg.count("books")).list().stream()
                .map(a -> a.annotation("n").orElseThrow()).toList();
        assertThat(counts).containsExactly(2L, 3L);
        assertThat(Author.objects.all().annotate("total", Agg.sum("books__pages")).values("name", "total"))
                .extracting(m -> m.get("total")).containsExactly(512L, 350L);
        assertThat(Book.objects.filter(Q.of("pages__isnull", false)).count()).isEqualTo(4);
    }
}
