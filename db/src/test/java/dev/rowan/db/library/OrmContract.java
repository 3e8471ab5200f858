package dev.rowan.db.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rowan.db.Agg;
import dev.rowan.db.Database;
import dev.rowan.db.F;
import dev.rowan.db.FieldError;
import dev.rowan.db.IntegrityError;
import dev.rowan.db.MultipleFound;
import dev.rowan.db.Order;
import dev.rowan.db.ProtectedError;
import dev.rowan.db.Q;
import dev.rowan.db.Ref;
import dev.rowan.db.ValidationError;
import dev.rowan.db.testing.DbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ORM behaviour suite; each subclass runs it on one database. */
abstract class OrmContract {
    static DbExtension extension(String vendor) {
        return DbExtension.forVendor(vendor).models(Author.META, Tag.META, Book.META, Review.META, Profile.META, Sample.META,
                Person.META, Group.META, Membership.META, Ticket.META);
    }

    abstract DbExtension ext();

    Database db() {
        return ext().database();
    }

    Author ann;
    Author bob;
    Book dune;
    Book emma;
    Book zed;

    @BeforeEach
    void seed() {
        ann = Author.objects.create(Author.named("Ann"));
        bob = Author.objects.create(Author.named("Bob"));
        dune = Book.objects.create(Book.of("Dune", ann, 412));
        emma = Book.objects.create(Book.of("Emma", bob, 300));
        zed = Book.objects.create(Book.of("Zed_100%", ann, null));
    }

    // ---- acceptance: bad input never corrupts data -------------------------------------------

    @Test
    void failingStatementInsideAtomicLeavesNothing() {
        assertThatThrownBy(() -> db().atomic(() -> {
            Author.objects.create(Author.named("Cid"));
            Author.objects.create(Author.named("Ann"));  // unique violation
        })).isInstanceOf(IntegrityError.class);
        assertThat(Author.objects.filter("name", "Cid").exists()).isFalse();
        assertThat(Author.objects.count()).isEqualTo(2);
    }

    @Test
    void nestedAtomicRollsBackOnlyTheInnerBlock() {
        db().atomic(() -> {
            Author.objects.create(Author.named("Outer"));
            try {
                db().atomic(() -> {
                    Author.objects.create(Author.named("Inner"));
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the inner block is undone, the outer goes on
            }
        });
        assertThat(Author.objects.filter("name__in", List.of("Outer", "Inner")).flatList("name", String.class)).containsExactly("Outer");
    }

    @Test
    void uniqueViolationNamesTheConstraint() {
        assertThatThrownBy(() -> db().atomic(() -> Author.objects.create(Author.named("Ann"))))
                .isInstanceOfSatisfying(IntegrityError.class, e -> assertThat(e.constraint()).contains("library_author_name_uniq"))
                .hasMessageContaining("library_author_name_uniq");
        assertThatThrownBy(() -> db().atomic(() -> Book.objects.create(Book.of("Dune", ann, 1))))
                .isInstanceOfSatisfying(IntegrityError.class, e -> assertThat(e.constraint()).contains("library_book_author_title_uniq"));
    }

    @Test
    void checkConstraintViolationNamesTheConstraint() {
        assertThatThrownBy(() -> db().atomic(() -> Book.objects.create(Book.of("Negative", ann, -1))))
                .isInstanceOfSatisfying(IntegrityError.class, e -> assertThat(e.constraint()).contains("library_book_pages_gte_0"));
    }

    @Test
    void wrongFieldNameListsTheFields() {
        assertThatThrownBy(() -> Book.objects.filter("titel", "x"))
                .isInstanceOf(FieldError.class)
                .hasMessageContaining("library.Book")
                .hasMessageContaining("title, author, editor, pages, price, published, tags");
        assertThatThrownBy(() -> Book.objects.filter("author__nme", "x").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("library.Author").hasMessageContaining("name");
        assertThatThrownBy(() -> Book.objects.filter("title__like", "x").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("unsupported lookup 'like'");
    }

    // ---- lookups ------------------------------------------------------------------------------

    @Test
    void textLookups() {
        assertThat(titles(Book.objects.filter("title", "Dune"))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("title__iexact", "dune"))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("title__contains", "un"))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("title__contains", "UN"))).isEmpty();
        assertThat(titles(Book.objects.filter("title__icontains", "UN"))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("title__contains", "_100%"))).containsExactly("Zed_100%");
        assertThat(titles(Book.objects.filter("title__contains", "%"))).containsExactly("Zed_100%");
        assertThat(titles(Book.objects.filter("title__startswith", "Em"))).containsExactly("Emma");
        assertThat(titles(Book.objects.filter("title__istartswith", "em"))).containsExactly("Emma");
        assertThat(titles(Book.objects.filter("title__endswith", "ma"))).containsExactly("Emma");
        assertThat(titles(Book.objects.filter("title__iendswith", "MA"))).containsExactly("Emma");
        assertThat(titles(Book.objects.filter("title__regex", "^D.n"))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("title__iregex", "^d.N"))).containsExactly("Dune");
    }

    @Test
    void comparisonLookups() {
        assertThat(titles(Book.objects.filter("pages__gt", 300))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("pages__gte", 300).orderBy("title"))).containsExactly("Dune", "Emma");
        assertThat(titles(Book.objects.filter("pages__lt", 400))).containsExactly("Emma");
        assertThat(titles(Book.objects.filter("pages__lte", 412).orderBy("title"))).containsExactly("Dune", "Emma");
        assertThat(titles(Book.objects.filter("pages__in", List.of(300, 1)))).containsExactly("Emma");
        assertThat(titles(Book.objects.filter("pages__in", List.of()))).isEmpty();
        assertThat(titles(Book.objects.filter("pages__range", List.of(100, 350)))).containsExactly("Emma");
        assertThat(titles(Book.objects.filter("pages__isnull", true))).containsExactly("Zed_100%");
        assertThat(titles(Book.objects.filter("pages", null))).containsExactly("Zed_100%");
    }

    @Test
    void dateLookups() {
        dune.published = LocalDate.of(2026, 3, 1);   // a Sunday
        dune.save();
        assertThat(titles(Book.objects.filter("published__year", 2026))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("published__month", 3))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("published__day", 1))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("published__week_day", 1))).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("published__year__gte", 2027))).isEmpty();
    }

    @Test
    void relationsInPathsBothWays() {
        assertThat(titles(Book.objects.filter("author__name", "Ann").orderBy("title"))).containsExactly("Dune", "Zed_100%");
        assertThat(titles(Book.objects.filter("author", ann).orderBy("title"))).containsExactly("Dune", "Zed_100%");
        assertThat(titles(Book.objects.filter("author__pk", bob.id))).containsExactly("Emma");
        assertThat(Author.objects.filter("books__title", "Emma").flatList("name", String.class)).containsExactly("Bob");
        assertThat(Author.objects.filter("books__pages__gt", 400).count()).isEqualTo(1);
    }

    @Test
    void typedRelationPathsBothWays() {
        // The generated metamodel (Book_, Author_, Tag_, ...) names every relation the query compiler knows.
        assertThat(titles(Book.objects.filter(Book_.author.then(Author_.name).eq("Ann")).orderBy(Book_.title.asc())))
                .containsExactly("Dune", "Zed_100%");
        assertThat(Author.objects.filter(Author_.books.then(Book_.pages).gt(400)).flatList("name", String.class))
                .containsExactly("Ann");
        Tag scifi = tag("scifi");
        dune.tags().add(scifi);
        assertThat(titles(Book.objects.filter(Book_.tags.then(Tag_.name).eq("scifi")))).containsExactly("Dune");
        assertThat(Tag.objects.filter(Tag_.books.then(Book_.author).then(Author_.name).eq("Ann")).count()).isEqualTo(1);
        Profile.objects.create(p -> { p.author = Ref.to(ann); p.bio = "writes"; });
        assertThat(Author.objects.filter(Author_.profile.then(Profile_.bio).eq("writes")).flatList("name", String.class))
                .containsExactly("Ann");
        assertThat(Review.objects.filter(Review_.book.then(Book_.author).eq(Ref.to(ann))).count()).isZero();
    }

    @Test
    void andOrNotCombinations() {
        Q ann412 = Q.of("author__name", "Ann").and(Q.of("pages", 412));
        assertThat(titles(Book.objects.filter(ann412.or(Q.of("title", "Emma"))).orderBy("title"))).containsExactly("Dune", "Emma");
        assertThat(titles(Book.objects.filter(Q.not(Q.of("author__name", "Ann"))))).containsExactly("Emma");
        // exclude keeps NULLs: "pages != 412" includes the book without pages
        assertThat(titles(Book.objects.exclude("pages", 412).orderBy("title"))).containsExactly("Emma", "Zed_100%");
    }

    @Test
    void excludeAcrossManyValuedRelationsMeansNoRelatedRowMatches() {
        Author.objects.create(Author.named("Cy"));  // no books at all
        // Ann has "Dune" (matches) and "Zed_100%" (does not): she is still excluded, once.
        assertThat(Author.objects.exclude("books__title__contains", "u").flatList("name", String.class))
                .containsExactly("Bob", "Cy");
        assertThat(Author.objects.filter(Q.not(Q.of("books__title__contains", "u"))).flatList("name", String.class))
                .containsExactly("Bob", "Cy");
        assertThat(Author.objects.exclude("books__pages__gt", 350).count()).isEqualTo(2);
        assertThat(Author.objects.exclude("books__isnull", true).flatList("name", String.class)).containsExactly("Ann", "Bob");
        assertThat(Author.objects.exclude("books__isnull", false).flatList("name", String.class)).containsExactly("Cy");
        // a single-valued hop before the many-valued one stays a join
        assertThat(titles(Book.objects.exclude("author__books__pages__gt", 400))).containsExactly("Emma");
        Tag scifi = tag("scifi");
        Tag.objects.create(t -> t.name = "unused");
        dune.tags().add(scifi);
        zed.tags().add(scifi);
        emma.tags().create(t -> t.name = "romance");
        assertThat(titles(Book.objects.exclude("tags__name", "romance").orderBy("title"))).containsExactly("Dune", "Zed_100%");
        assertThat(Tag.objects.exclude("books__author__name", "Bob").orderBy("name").flatList("name", String.class))
                .containsExactly("scifi", "unused");
        assertThat(Tag.objects.filter(Q.not(Q.of("books__title", "Dune"))).orderBy("name").flatList("name", String.class))
                .containsExactly("romance", "unused");
    }

    // ---- expressions, ordering, paging -------------------------------------------------------

    @Test
    void fExpressionsUpdateWithoutRaces() {
        Book.objects.filter("pk", dune.id).update("pages", F.of("pages").plus(1));
        dune.refreshFromDb();
        assertThat(dune.pages).isEqualTo(413);
        assertThat(titles(Book.objects.filter("pages__gt", F.of("author__id")).orderBy("title"))).containsExactly("Dune", "Emma");
    }

    @Test
    void orderingWithNullsAndRelations() {
        assertThat(titles(Book.objects.all().orderBy(Order.asc("pages").nullsFirst()))).containsExactly("Zed_100%", "Emma", "Dune");
        assertThat(titles(Book.objects.all().orderBy(Order.asc("pages").nullsLast()))).containsExactly("Emma", "Dune", "Zed_100%");
        assertThat(titles(Book.objects.all().orderBy(Order.desc("pages").nullsLast()))).containsExactly("Dune", "Emma", "Zed_100%");
        assertThat(titles(Book.objects.all().orderBy("-author__name", "title"))).containsExactly("Emma", "Dune", "Zed_100%");
        assertThat(Author.objects.all().list()).extracting(a -> a.name).containsExactly("Ann", "Bob");  // default ordering
    }

    @Test
    void slicingAndKeysetPaging() {
        var byTitle = Book.objects.all().orderBy("title");
        assertThat(titles(byTitle.slice(1, 3))).containsExactly("Emma", "Zed_100%");
        assertThat(titles(byTitle.limit(1))).containsExactly("Dune");
        assertThat(titles(byTitle.offset(2))).containsExactly("Zed_100%");
        Book first = byTitle.first().orElseThrow();
        assertThat(titles(byTitle.after(first).limit(1))).containsExactly("Emma");
        assertThat(titles(Book.objects.all().orderBy("-title").after(emma))).containsExactly("Dune");
        assertThat(byTitle.last().orElseThrow().title).isEqualTo("Zed_100%");
    }

    // ---- projections and aggregates ----------------------------------------------------------

    @Test
    void valuesAndRecords() {
        List<Map<String, Object>> rows = Book.objects.all().orderBy("title").values("title", "author__name");
        assertThat(rows.getFirst()).containsEntry("title", "Dune").containsEntry("author__name", "Ann");
        assertThat(Book.objects.all().orderBy("title").valuesList("title", "pages").get(1)).containsExactly("Emma", 300);
        assertThat(Book.objects.all().orderBy("author__name").distinct().flatList("author__name", String.class)).containsExactly("Ann", "Bob");
        assertThat(Book.objects.filter("title", "Emma").into(TitleAndAuthor.class)).containsExactly(new TitleAndAuthor("Emma", "Bob"));
    }

    /** Projection target for {@code into}. */
    public record TitleAndAuthor(String title, String author_name) {
    }

    @Test
    void countExistsAggregateAnnotate() {
        assertThat(Book.objects.count()).isEqualTo(3);
        assertThat(Book.objects.filter("pages__gt", 1000).exists()).isFalse();
        Map<String, Object> agg = Book.objects.all().aggregate(Agg.sum("pages"), Agg.max(Book_.pages), Agg.min("pages", Integer.class),
                Agg.avg("pages"), Agg.count("pages")).asMap();
        assertThat(agg).containsEntry("pages__sum", 712L).containsEntry("pages__max", 412).containsEntry("pages__min", 300)
                .containsEntry("pages__avg", 356.0).containsEntry("pages__count", 2L);
        var counted = Author.objects.all().annotate("numBooks", Agg.count("books")).orderBy("name").list();
        assertThat(counted).extracting(a -> a.annotation("numBooks").orElseThrow()).containsExactly(2L, 1L);
        assertThat(Author.objects.all().annotate("numBooks", Agg.count("books")).filter("numBooks__gt", 1).list())
                .extracting(a -> a.name).containsExactly("Ann");
        List<Map<String, Object>> perAuthor = Book.objects.all().annotate("total", Agg.count("id")).orderBy("author__name").values("author__name", "total");
        assertThat(perAuthor).containsExactly(Map.of("author__name", "Ann", "total", 2L), Map.of("author__name", "Bob", "total", 1L));
    }

    @Test
    void getFirstLastErrors() {
        assertThatThrownBy(() -> Book.objects.get("author", ann)).isInstanceOf(MultipleFound.class).hasMessageContaining("returned 2");
        assertThat(Book.objects.filter("pages__gt", 5000).first()).isEmpty();
        assertThat(Book.objects.all().orderBy("pages").first().orElseThrow().title).isIn("Emma", "Zed_100%");
    }

    // ---- writing ------------------------------------------------------------------------------

    @Test
    void getOrCreateUpdateOrCreateBulk() {
        var r1 = Author.objects.getOrCreate(Q.of("name", "Ann"), a -> a.born = LocalDate.of(1900, 1, 1));
        assertThat(r1.created()).isFalse();
        assertThat(r1.object().id).isEqualTo(ann.id);
        var r2 = Author.objects.getOrCreate(Q.of("name", "Cid"), a -> a.born = LocalDate.of(1950, 5, 6));
        assertThat(r2.created()).isTrue();
        assertThat(Author.objects.get("name", "Cid").born).isEqualTo(LocalDate.of(1950, 5, 6));
        var r3 = Author.objects.updateOrCreate(Q.of("name", "Cid"), a -> a.born = LocalDate.of(1951, 1, 1));
        assertThat(r3.created()).isFalse();
        assertThat(Author.objects.get("name", "Cid").born).isEqualTo(LocalDate.of(1951, 1, 1));

        List<Tag> tags = Tag.objects.bulkCreate(Stream.of("a", "b", "c").map(n -> {
            Tag t = new Tag();
            t.name = n;
            return t;
        }).toList());
        assertThat(tags).allSatisfy(t -> assertThat(t.id).isNotNull());
        assertThat(tags.stream().map(t -> t.id).distinct()).hasSize(3);
        tags.forEach(t -> t.name = t.name.toUpperCase());
        assertThat(Tag.objects.bulkUpdate(tags, "name")).isEqualTo(3);
        assertThat(Tag.objects.all().orderBy("name").flatList("name", String.class)).containsExactly("A", "B", "C");
    }

    @Test
    void bulkCreateOfKeyOnlyRowsInsertsEveryOne() {
        // Nothing to list in VALUES: each row is "DEFAULT VALUES", which inserts one row per statement.
        List<Ticket> tickets = Ticket.objects.bulkCreate(Stream.generate(Ticket::new).limit(3).toList());
        assertThat(tickets).allSatisfy(t -> assertThat(t.id).isNotNull());
        assertThat(tickets.stream().map(t -> t.id).distinct()).hasSize(3);
        assertThat(Ticket.objects.count()).isEqualTo(3);
        Ticket single = new Ticket();
        single.save();
        assertThat(Ticket.objects.count()).isEqualTo(4);
        assertThat(Ticket.objects.get("id", single.id).id).isEqualTo(single.id);
    }

    @Test
    void deleteAppliesOnDeleteRules() {
        emma.editor = Ref.to(ann);
        emma.save();
        Review r = new Review();
        r.book = Ref.to(dune);
        r.text = "Great";
        r.save();
        assertThatThrownBy(() -> db().atomic(() -> ann.delete())).isInstanceOf(ProtectedError.class).hasMessageContaining("library.Review.book");
        r.delete();
        Profile p = new Profile();
        p.author = Ref.to(ann);
        p.bio = "";
        p.save();
        assertThatThrownBy(() -> db().atomic(() -> ann.delete())).isInstanceOf(ProtectedError.class).hasMessageContaining("restricted");
        p.delete();
        dune.tags().create(t -> t.name = "classic");
        ann.delete();   // cascades to Dune and Zed, sets Emma's editor to NULL
        assertThat(titles(Book.objects.all())).containsExactly("Emma");
        emma.refreshFromDb();
        assertThat(emma.editor).isNull();
        assertThat(Tag.objects.get("name", "classic").books().count()).isZero();
    }

    @Test
    void fullCleanReportsErrorsByField() {
        Author a = Author.named("");
        assertThatThrownBy(a::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors()).containsOnlyKeys("name").containsEntry("name", List.of("This field cannot be blank.")));
        Author dup = Author.named("Ann");
        assertThatThrownBy(dup::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors().get("name")).containsExactly("Author with this name already exists."));
        Book b = Book.of("Dune", ann, 10);
        assertThatThrownBy(b::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors()).containsKey(ValidationError.NON_FIELD));
        Author ok = Author.named("Fine");
        ok.fullClean();
    }

    @Test
    void fullCleanEvaluatesCheckConstraintsWithTheInstanceValues() {
        Book negative = Book.of("Short", ann, -1);
        assertThatThrownBy(negative::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors()).containsOnlyKeys(ValidationError.NON_FIELD).containsEntry(ValidationError.NON_FIELD,
                        List.of("Constraint 'library_book_pages_gte_0' is violated.")));
        Book.of("Zero", ann, 0).fullClean();
        Book.of("Unknown length", ann, null).fullClean();  // NULL makes the check unknown, which passes
        dune.pages = -5;
        assertThatThrownBy(dune::fullClean).isInstanceOf(ValidationError.class);
        Sample s = new Sample();
        s.amount = new BigDecimal("-0.001");
        s.data = "{}";
        assertThatThrownBy(s::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors().get(ValidationError.NON_FIELD)).containsExactly("Constraint 'library_sample_amount_gte_0' is violated."));
    }

    // ---- relations ----------------------------------------------------------------------------

    @Test
    void selectRelatedLoadsInOneQuery() {
        List<Book> books = Book.objects.all().selectRelated("author").orderBy("title").list();
        assertThat(books).allSatisfy(b -> assertThat(b.author.isLoaded()).isTrue());
        assertThat(books.getFirst().author.get().name).isEqualTo("Ann");
        assertThat(Book.objects.all().list()).allSatisfy(b -> assertThat(b.author.isLoaded()).isFalse());
    }

    @Test
    void prefetchRelatedUsesOneQueryPerRelation() {
        dune.tags().add(tag("scifi"), tag("classic"));
        List<Author> authors = Author.objects.all().prefetchRelated("books", "books__tags").list();
        // Remove the rows behind the library's back: prefetched results must not query again.
        db().execute("DELETE FROM library_book_tags");
        Author a = authors.getFirst();
        assertThat(a.books().list()).extracting(b -> b.title).containsExactlyInAnyOrder("Dune", "Zed_100%");
        Book d = a.books().list().stream().filter(b -> b.title.equals("Dune")).findFirst().orElseThrow();
        assertThat(d.tags().list()).extracting(t -> t.name).containsExactlyInAnyOrder("scifi", "classic");
        assertThat(d.author.isLoaded()).isTrue();
        assertThat(d.tags().count()).isEqualTo(2);
    }

    @Test
    void manyToManyBothWays() {
        Tag scifi = tag("scifi");
        dune.tags().add(scifi);
        zed.tags().add(scifi);
        emma.tags().create(t -> t.name = "romance");
        assertThat(titles(scifi.books().all().orderBy("title"))).containsExactly("Dune", "Zed_100%");
        assertThat(titles(Book.objects.filter("tags__name", "romance"))).containsExactly("Emma");
        assertThat(Tag.objects.filter("books__title", "Dune").flatList("name", String.class)).containsExactly("scifi");
        dune.tags().add(scifi);  // adding twice is a no-op
        assertThat(dune.tags().count()).isEqualTo(1);
        dune.tags().remove(scifi);
        assertThat(dune.tags().count()).isZero();
        zed.tags().clear();
        assertThat(scifi.books().count()).isZero();
    }

    // ---- streaming, raw SQL, types ------------------------------------------------------------

    @Test
    void streamingIteration() {
        try (Stream<Book> s = Book.objects.all().orderBy("title").stream()) {
            assertThat(s.map(b -> b.title)).containsExactly("Dune", "Emma", "Zed_100%");
        }
        int[] n = {0};
        Book.objects.filter("author", ann).forEach(b -> n[0]++);
        assertThat(n[0]).isEqualTo(2);
    }

    @Test
    void rawSqlMapsToModels() {
        String table = db().dialect().quote("library_book");
        List<Book> books = Book.objects.raw("SELECT id, title, author_id, 7 AS extra FROM " + table + " WHERE pages > ? ORDER BY title", 350);
        assertThat(books).extracting(b -> b.title).containsExactly("Dune");
        assertThat(books.getFirst().author.get().name).isEqualTo("Ann");
        assertThat(books.getFirst().annotation("extra")).isPresent();
    }

    @Test
    void everyFieldTypeRoundTrips() {
        Sample s = new Sample();
        s.chars = "héllo 'quoted'";
        s.text = "long ".repeat(100);
        s.small = (short) 7;
        s.integer = -42;
        s.big = 1L << 40;
        s.flag = true;
        s.amount = new BigDecimal("1234.500");
        s.ratio = 0.5f;
        s.precise = Math.PI;
        s.day = LocalDate.of(2026, 2, 28);
        s.moment = Instant.parse("2026-02-28T23:59:58.123456Z");
        s.clock = LocalTime.of(13, 14, 15, 123_456_000);
        s.span = Duration.ofMillis(90_061_001);
        s.uid = UUID.fromString("12345678-9abc-def0-1234-56789abcdef0");
        s.email = "a@example.com";
        s.link = "https://example.com/x";
        s.slug = "a-slug";
        s.data = "{\"a\": 1}";
        s.blob = new byte[]{1, 2, 3, (byte) 255};
        s.color = Sample.Color.GREEN;
        s.save();
        Sample r = Sample.objects.get("pk", s.id);
        assertThat(r).usingRecursiveComparison().ignoringFields("data").isEqualTo(s);
        assertThat(r.data.replace(" ", "")).isEqualTo("{\"a\":1}");
        assertThat(Sample.objects.filter("moment__gte", Instant.parse("2026-02-28T23:59:58Z")).count()).isEqualTo(1);
        assertThat(Sample.objects.filter("uid", s.uid).count()).isEqualTo(1);
        assertThat(Sample.objects.filter("color", Sample.Color.GREEN).count()).isEqualTo(1);
        assertThat(Sample.objects.filter("flag", true).count()).isEqualTo(1);
        s.fullClean();
        Sample empty = new Sample();
        empty.save();
        assertThat(Sample.objects.get("pk", empty.id)).usingRecursiveComparison().isEqualTo(empty);
    }

    private Tag tag(String name) {
        return Tag.objects.create(t -> t.name = name);
    }

    private static List<String> titles(dev.rowan.db.QuerySet<Book> qs) {
        return qs.list().stream().map(b -> b.title).toList();
    }

    // ---- many-to-many through an explicit model ------------------------------------------------

    Person ida;
    Person jon;
    Group chess;
    Group choir;

    private void seedMemberships() {
        ida = Person.objects.create(Person.named("Ida"));
        jon = Person.objects.create(Person.named("Jon"));
        Person.objects.create(Person.named("Kai"));   // in no group
        chess = Group.objects.create(Group.named("chess"));
        choir = Group.objects.create(Group.named("choir"));
        Group.objects.create(Group.named("empty"));
        Membership.objects.create(Membership.of(ida, chess, "admin"));
        Membership.objects.create(Membership.of(ida, choir, "member"));
        Membership.objects.create(Membership.of(jon, chess, "member"));
    }

    @Test
    void throughModelRowsCarryTheExtraField() {
        seedMemberships();
        assertThat(Membership.objects.count()).isEqualTo(3);
        assertThat(Membership.objects.filter("person__name", "Ida").orderBy("role").flatList("role", String.class))
                .containsExactly("admin", "member");
        assertThat(ida.groups().all().orderBy("name").flatList("name", String.class)).containsExactly("chess", "choir");
        assertThat(chess.members().all().orderBy("name").flatList("name", String.class)).containsExactly("Ida", "Jon");
        assertThat(ida.groups().count()).isEqualTo(2);
    }

    @Test
    void throughModelQueriesBothWays() {
        seedMemberships();
        assertThat(Person.objects.filter("groups__name", "chess").orderBy("name").flatList("name", String.class))
                .containsExactly("Ida", "Jon");
        assertThat(Person.objects.filter("groups__name", "choir").flatList("name", String.class)).containsExactly("Ida");
        assertThat(Group.objects.filter("members__name", "Jon").flatList("name", String.class)).containsExactly("chess");
        assertThat(Group.objects.filter("members__name", "Ida").orderBy("name").flatList("name", String.class))
                .containsExactly("chess", "choir");
        assertThat(Person.objects.filter("groups__isnull", true).flatList("name", String.class)).containsExactly("Kai");
        assertThat(Group.objects.exclude("members__name", "Ida").orderBy("name").flatList("name", String.class))
                .containsExactly("empty");
    }

    @Test
    void throughModelFiltersOnTheExtraField() {
        seedMemberships();
        assertThat(Person.objects.filter("memberships__role", "admin").flatList("name", String.class)).containsExactly("Ida");
        assertThat(Group.objects.filter("memberships__role", "member").orderBy("name").flatList("name", String.class))
                .containsExactly("chess", "choir");
        assertThat(Person.objects.filter("memberships__role", "member").filter("memberships__group__name", "chess")
                .flatList("name", String.class)).contains("Jon");
        assertThat(Person.objects.filter(Q.of("memberships__role", "member").and(Q.of("memberships__group__name", "chess")))
                .flatList("name", String.class)).containsExactly("Jon");
    }

    @Test
    void throughModelPrefetchRelated() {
        seedMemberships();
        List<Person> people = Person.objects.all().orderBy("name").prefetchRelated("groups").list();
        // Remove the rows behind the library's back: prefetched results must not query again.
        db().execute("DELETE FROM library_membership");
        assertThat(people).extracting(p -> p.name).containsExactly("Ida", "Jon", "Kai");
        assertThat(people.get(0).groups().list()).extracting(g -> g.name).containsExactlyInAnyOrder("chess", "choir");
        assertThat(people.get(1).groups().list()).extracting(g -> g.name).containsExactly("chess");
        assertThat(people.get(2).groups().list()).isEmpty();
    }

    @Test
    void throughModelReversePrefetchRelated() {
        seedMemberships();
        List<Group> groups = Group.objects.all().orderBy("name").prefetchRelated("members").list();
        db().execute("DELETE FROM library_membership");
        assertThat(groups.get(0).members().list()).extracting(p -> p.name).containsExactlyInAnyOrder("Ida", "Jon");
        assertThat(groups.get(1).members().list()).extracting(p -> p.name).containsExactly("Ida");
        assertThat(groups.get(2).members().list()).isEmpty();
    }

    @Test
    void deletingEitherSideCascadesThroughTheThroughModel() {
        seedMemberships();
        ida.delete();
        assertThat(Membership.objects.count()).isEqualTo(1);
        assertThat(Group.objects.count()).isEqualTo(3);
        assertThat(choir.members().count()).isZero();
        assertThat(chess.members().all().flatList("name", String.class)).containsExactly("Jon");
        Group.objects.filter("name", "chess").delete();
        assertThat(Membership.objects.count()).isZero();
        assertThat(Person.objects.count()).isEqualTo(2);
        assertThat(jon.groups().count()).isZero();
    }
}
