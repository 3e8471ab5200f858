package dev.rowan.db.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rowan.db.F;
import dev.rowan.db.Q;
import dev.rowan.db.internal.Bridge;
import dev.rowan.db.internal.Engine;
import dev.rowan.db.testing.DbExtension;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Compiled SELECTs are reused for the same query shape, never across different shapes. */
class SelectCacheTest {
    @RegisterExtension
    static final DbExtension DB = OrmContract.extension("sqlite");

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
        zed = Book.objects.create(Book.of("Zed", ann, null));
    }

    private static Engine engine() {
        return Bridge.access().engine(DB.database());
    }

    /** Runs {@code query} and returns how many SELECTs it compiled. */
    private static <T> long compilations(Supplier<T> query) {
        long before = engine().selectCompilations();
        query.get();
        return engine().selectCompilations() - before;
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(b -> b.title).toList();
    }

    @Test
    void secondExecutionOfTheSameShapeReusesTheSqlWithNewValues() {
        assertThat(compilations(() -> Book.objects.filter("pages__gt", 100).orderBy("title").list())).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter("pages__gt", 100).orderBy("title").list())).isZero();
        // Same shape, other value: no compilation, and the value really is bound anew.
        assertThat(compilations(() -> Book.objects.filter("pages__gt", 350).orderBy("title").list())).isZero();
        List<Book> big = Book.objects.filter("pages__gt", 350).orderBy("title").list();
        assertThat(titles(big)).containsExactly("Dune");
        assertThat(titles(Book.objects.filter("pages__gt", 100).orderBy("title").list())).containsExactly("Dune", "Emma");
    }

    @Test
    void differentShapesDoNotCollide() {
        Book.objects.filter("pages__gt", 350).list();
        assertThat(compilations(() -> Book.objects.filter("pages__lt", 350).list())).isEqualTo(1);
        assertThat(titles(Book.objects.filter("pages__lt", 350).list())).containsExactly("Emma");
        assertThat(compilations(() -> Book.objects.filter("pages__gt", 350).orderBy("-title").list())).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.exclude("pages__gt", 350).list())).isEqualTo(1);
        assertThat(titles(Book.objects.exclude("pages__gt", 350).list())).containsExactlyInAnyOrder("Emma", "Zed");
        assertThat(compilations(() -> Book.objects.filter("author__name", "Ann").list())).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter("pages__gt", 350).selectRelated("author").list())).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter("pages__gt", 350).values("title"))).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter("pages__gt", 350).count())).isEqualTo(1);
        assertThat(Book.objects.filter("pages__gt", 350).count()).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter(Q.of("pages__gt", 350).or(Q.of("title", "Zed"))).list())).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter(Q.of("pages__gt", 350).and(Q.of("title", "Zed"))).list())).isEqualTo(1);
        assertThat(Book.objects.filter(Q.of("pages__gt", 350).and(Q.of("title", "Zed"))).list()).isEmpty();
        assertThat(titles(Book.objects.filter(Q.of("pages__gt", 350).or(Q.of("title", "Zed"))).orderBy("title").list()))
                .containsExactly("Dune", "Zed");
    }

    @Test
    void valuesThatChangeTheSqlAreStructure() {
        // NULL compares with IS NULL, not "= ?"
        assertThat(titles(Book.objects.filter("pages", 412).list())).containsExactly("Dune");
        assertThat(compilations(() -> Book.objects.filter("pages", null).list())).isEqualTo(1);
        assertThat(titles(Book.objects.filter("pages", null).list())).containsExactly("Zed");
        // isnull true and false are different SQL
        assertThat(titles(Book.objects.filter("pages__isnull", true).list())).containsExactly("Zed");
        assertThat(compilations(() -> Book.objects.filter("pages__isnull", false).list())).isEqualTo(1);
        assertThat(titles(Book.objects.filter("pages__isnull", false).orderBy("title").list())).containsExactly("Dune", "Emma");
        // one placeholder per element of an in-list
        assertThat(titles(Book.objects.filter("title__in", List.of("Dune", "Emma")).orderBy("title").list())).containsExactly("Dune", "Emma");
        assertThat(compilations(() -> Book.objects.filter("title__in", List.of("Dune", "Emma", "Zed")).list())).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter("title__in", List.of("Zed", "Emma")).orderBy("title").list())).isZero();
        assertThat(titles(Book.objects.filter("title__in", List.of("Zed", "Emma")).orderBy("title").list())).containsExactly("Emma", "Zed");
        // an F expression is structure; its constants are values
        assertThat(titles(Book.objects.filter("pages__gt", F.of("id").plus(400)).list())).containsExactly("Dune");
        assertThat(compilations(() -> Book.objects.filter("pages__gt", F.of("id").plus(100)).orderBy("title").list())).isEqualTo(1);
        assertThat(compilations(() -> Book.objects.filter("pages__gt", F.of("id").plus(1000)).orderBy("title").list())).isZero();
        assertThat(titles(Book.objects.filter("pages__gt", F.of("id").plus(1000)).orderBy("title").list())).isEmpty();
        // text lookups bind their pattern
        assertThat(titles(Book.objects.filter("title__startswith", "Du").list())).containsExactly("Dune");
        assertThat(compilations(() -> Book.objects.filter("title__startswith", "Em").list())).isZero();
        assertThat(titles(Book.objects.filter("title__startswith", "Em").list())).containsExactly("Emma");
        // a model instance as a value binds its key
        assertThat(titles(Book.objects.filter("author", ann).orderBy("title").list())).containsExactly("Dune", "Zed");
        assertThat(titles(Book.objects.filter("author", bob).orderBy("title").list())).containsExactly("Emma");
    }

    @Test
    void slicesShareOneStatementButLimitAndOffsetShapesDiffer() {
        var byTitle = Book.objects.all().orderBy("title");
        assertThat(titles(byTitle.slice(0, 2).list())).containsExactly("Dune", "Emma");
        assertThat(compilations(() -> byTitle.slice(1, 3).list())).isEqualTo(1);
        assertThat(compilations(() -> byTitle.slice(2, 3).list())).isZero();
        assertThat(titles(byTitle.slice(1, 3).list())).containsExactly("Emma", "Zed");
        assertThat(titles(byTitle.slice(2, 3).list())).containsExactly("Zed");
        assertThat(titles(byTitle.limit(1).list())).containsExactly("Dune");
        assertThat(compilations(() -> byTitle.limit(2).list())).isZero();
        assertThat(titles(byTitle.limit(2).list())).containsExactly("Dune", "Emma");
    }

    @Test
    void keysetAnchorsAreValues() {
        var byTitle = Book.objects.all().orderBy("title");
        assertThat(titles(byTitle.after(dune).list())).containsExactly("Emma", "Zed");
        assertThat(compilations(() -> byTitle.after(emma).list())).isZero();
        assertThat(titles(byTitle.after(emma).list())).containsExactly("Zed");
        Book untitled = Book.of(null, ann, 5);
        assertThatThrownBy(() -> byTitle.after(untitled).list()).hasMessageContaining("db.E106");
    }
}
