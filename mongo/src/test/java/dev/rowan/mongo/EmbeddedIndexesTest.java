package dev.rowan.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-process server builds unique indexes but no other secondary ones: declaring those (as the notes app does)
 * must not fill the log with the server's warnings, while a unique index still holds and every declared index is
 * still sent, as it is to a real MongoDB.
 */
class EmbeddedIndexesTest {
    private final Queue<LogRecord> logged = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dir;

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** An app with the notes app's two indexes and a unique one, on {@code file}. */
    private static App app(Path file) {
        // A secret key, so the only warnings that can appear are about the store.
        App app = App.create(Config.of(Map.of("mongodb.embedded-file", file.toString(), "secret.key", "k".repeat(50))));
        app.install(MongoModule.create());
        Mongo.of(app).index("notes", Indexes.descending("createdAt"))
                .index("notes", Indexes.ascending("tags"))
                .index("users", Indexes.ascending("email"), new IndexOptions().unique(true));
        return app;
    }

    @Test
    void theNotesIndexesStartWithoutAWarningAndAfterARestartToo() {
        Path file = dir.resolve("notes.mv");
        for (int start = 1; start <= 2; start++) {
            App app = app(file);
            try (TestClient ignored = TestClient.overSocket(app)) {
                Mongo.of(app).collection("notes").insertOne(new Document("createdAt", start).append("tags", List.of("a", "b")));
                assertThat(Mongo.of(app).collection("notes").countDocuments(new Document("tags", "b"))).isEqualTo(start);
            }
            assertThat(warnings()).as("start " + start).isEmpty();
        }
    }

    @Test
    void everyDeclaredIndexIsAskedForAsARealMongoDbWouldBe() {
        App app = app(dir.resolve("asked.mv"));
        try (TestClient ignored = TestClient.overSocket(app)) {
            List<String> notes = Mongo.of(app).collection("notes").listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
            List<String> users = Mongo.of(app).collection("users").listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
            assertThat(notes).contains("createdAt_-1", "tags_1");
            assertThat(users).contains("email_1");
        }
    }

    @Test
    void aUniqueIndexStillRefusesADuplicateAlsoAfterARestart() {
        Path file = dir.resolve("unique.mv");
        App first = app(file);
        try (TestClient ignored = TestClient.overSocket(first)) {
            Mongo.of(first).collection("users").insertOne(new Document("email", "a@example.com"));
            assertThatThrownBy(() -> Mongo.of(first).collection("users").insertOne(new Document("email", "a@example.com")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        }
        App second = app(file);
        try (TestClient ignored = TestClient.overSocket(second)) {
            assertThatThrownBy(() -> Mongo.of(second).collection("users").insertOne(new Document("email", "a@example.com")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            assertThat(Mongo.of(second).collection("users").countDocuments()).isEqualTo(1);
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void indexesTheAppCreatesItselfAreQuietTooTextAndTtlIncluded() {
        App app = App.create(Config.of(Map.of("mongodb.embedded-file", "memory", "secret.key", "k".repeat(50))));
        app.install(MongoModule.create());
        try (TestClient ignored = TestClient.overSocket(app)) {
            var things = Mongo.of(app).collection("things");
            things.createIndex(Indexes.compoundIndex(Indexes.ascending("a"), Indexes.descending("b")));
            things.createIndex(Indexes.text("title"));
            things.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
            assertThat(things.listIndexes().map(d -> d.getString("name")).into(new ArrayList<>()))
                    .contains("a_1_b_-1", "title_text", "at_1");
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void eachIndexKeptWithoutEntriesIsNamedOnTheDebugLevel() {
        Logger rowan = Logger.getLogger("rowan.mongo");
        Level before = rowan.getLevel();
        rowan.setLevel(Level.FINE);
        try {
            App app = app(dir.resolve("debug.mv"));
            try (TestClient ignored = TestClient.overSocket(app)) {
                assertThat(Mongo.of(app).isEmbedded()).isTrue();
            }
        } finally {
            rowan.setLevel(before);
        }
        List<String> debug = logged.stream().filter(r -> r.getLevel() == Level.FINE && "rowan.mongo".equals(r.getLoggerName()))
                .map(LogRecord::getMessage).toList();
        assertThat(debug).anySatisfy(m -> assertThat(m).contains("createdAt_-1 (createdAt -1) on rowan.notes", "A real MongoDB builds it."))
                .anySatisfy(m -> assertThat(m).contains("tags_1 (tags 1) on rowan.notes"))
                .noneSatisfy(m -> assertThat(m).contains("email"));
    }

    private List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
    }
}
