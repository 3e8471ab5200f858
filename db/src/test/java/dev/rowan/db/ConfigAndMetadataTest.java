package dev.rowan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rowan.db.library.Book;
import dev.rowan.db.polls.Choice;
import dev.rowan.db.polls.Question;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigAndMetadataTest {

    @Test
    void parsesDatabaseUrls() {
        DatabaseUrl pg = DatabaseUrl.parse("postgresql://app:s%40cret@db.local:6543/shop?sslmode=disable");
        assertThat(pg.vendor()).isEqualTo("postgresql");
        assertThat(pg.user()).isEqualTo("app");
        assertThat(pg.password()).isEqualTo("s@cret");
        assertThat(pg.port()).isEqualTo(6543);
        assertThat(pg.database()).isEqualTo("shop");
        assertThat(pg.params()).containsEntry("sslmode", "disable");
        assertThat(pg.toString()).doesNotContain("s@cret");
        assertThat(DatabaseUrl.parse("mysql://root@127.0.0.1/test").jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(DatabaseUrl.parse("sqlite:db.sqlite3").database()).isEqualTo("db.sqlite3");
        assertThat(DatabaseUrl.parse("sqlite:///tmp/x.db").database()).isEqualTo("/tmp/x.db");
        assertThat(DatabaseUrl.parse("sqlite::memory:").database()).isEqualTo(":memory:");
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://x")).hasMessageContaining("db.E020");
    }

    @Test
    void unreachableServerIsConnectionUnavailable() {
        try (Database db = Database.builder("postgresql://postgres@127.0.0.1:1/none").connectionTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> Question.objects.using(db).count()).isInstanceOf(ConnectionUnavailable.class)
                    .hasMessageContaining("db.E030");
        }
    }

    @Test
    void inMemorySqliteWorksWithOnePooledConnection() {
        try (Database db = Database.connect("sqlite::memory:")) {
            db.createTables(Question.META, Choice.META);
            Question q = new Question();
            q.questionText = "Memory?";
            q.pubDate = java.time.Instant.now();
            q.save(db);
            assertThat(Question.objects.using(db).count()).isEqualTo(1);
        }
    }

    @Test
    void metadataIsReadable() {
        ModelMeta<Book> m = Book.META;
        assertThat(m.label()).isEqualTo("library.Book");
        assertThat(m.table()).isEqualTo("library_book");
        assertThat(m.pk().name()).isEqualTo("id");
        Field author = m.requireField("author");
        assertThat(author.type()).isEqualTo(FieldType.FOREIGN_KEY);
        assertThat(author.column()).isEqualTo("author_id");
        assertThat(author.onDelete()).contains(OnDelete.CASCADE);
        assertThat(author.relatedModel().orElseThrow().label()).isEqualTo("library.Author");
        assertThat(m.requireField("price").precision()).hasValue(8);
        assertThat(m.requireField("tags").through().orElseThrow().table()).isEqualTo("library_book_tags");
        assertThat(Question.META.requireField("pubDate").verboseName()).isEqualTo("date published");
        assertThat(Question.META.requireField("questionText").verboseName()).isEqualTo("question text");
        assertThat(Question.META.field("pub_date")).isPresent();
        assertThat(Question.META.relatedObjects()).extracting(RelatedObject::name).contains("choice");
        assertThatThrownBy(() -> Question.META.requireField("nope")).isInstanceOf(FieldError.class)
                .hasMessageContaining("id, questionText, pubDate, choice");
    }

    static final class NoId extends Model {
        public String name;
    }

    static final class WrongType extends Model {
        public Long id;
        public Integer name;
    }

    @Test
    void badDeclarationsExplainTheFix() {
        assertThatThrownBy(() -> ModelMeta.define(NoId.class, NoId::new, MethodHandles.lookup(), m -> m.field("name", Fields.text())))
                .hasMessageContaining("db.E002").hasMessageContaining("public Long id;");
        assertThatThrownBy(() -> ModelMeta.define(WrongType.class, WrongType::new, MethodHandles.lookup(), m -> m.field("name", Fields.text())))
                .hasMessageContaining("db.E003").hasMessageContaining("must be String");
    }

    @Test
    void managersWithoutADatabaseSayHowToConfigureOne() {
        var previous = Databases.installed();
        Databases.uninstall();
        try {
            assertThatThrownBy(() -> Question.objects.count()).hasMessageContaining("db.E022");
        } finally {
            previous.ifPresent(Databases::install);
        }
    }
}
