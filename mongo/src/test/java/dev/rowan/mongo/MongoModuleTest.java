package dev.rowan.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoModuleTest {
    public record Book(@BsonId ObjectId id, String title, List<String> tags, Instant added, int pages) {
    }

    /** A mutable class mapped by the automatic POJO codec. */
    public static final class Author {
        private ObjectId id;
        private String name;

        public ObjectId getId() {
            return id;
        }

        public void setId(ObjectId id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    static App app() {
        App app = App.create(Config.of(Map.of()));
        app.install(MongoModule.builder().embeddedInMemory().index("books", Indexes.descending("added")).build());
        app.get("/books/{id:objectid}", ctx -> {
            Book b = Mongo.of(ctx).collection("books", Book.class).find(Filters.eq("_id", ctx.pathParam("id").as(ObjectId.class))).first();
            ctx.text(b == null ? "none" : b.title());
        });
        return app;
    }

    @Test
    void recordsRoundTripThroughTheDriverWithIdAsUnderscoreId() {
        App app = app();
        try (TestClient client = TestClient.overSocket(app)) {
            MongoCollection<Book> books = Mongo.of(app).collection("books", Book.class);
            ObjectId id = new ObjectId();
            Instant added = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            books.insertOne(new Book(id, "Dune", List.of("sf", "classic"), added, 412));

            assertThat(books.find(Filters.eq("_id", id)).first()).isEqualTo(new Book(id, "Dune", List.of("sf", "classic"), added, 412));
            Document raw = Mongo.of(app).collection("books").find().first();
            assertThat(raw).containsKeys("_id", "title", "tags", "added", "pages").doesNotContainKey("id");
            assertThat(client.get("/books/" + id.toHexString()).text()).isEqualTo("Dune");
        }
    }

    @Test
    void classesWithGettersAndSettersAreMappedToo() {
        App app = app();
        try (TestClient ignored = TestClient.overSocket(app)) {
            MongoCollection<Author> authors = Mongo.of(app).collection("authors", Author.class);
            Author a = new Author();
            a.setName("Herbert");
            authors.insertOne(a);
            assertThat(a.getId()).as("the driver fills in the id").isNotNull();
            assertThat(authors.find(Filters.eq("_id", a.getId())).first().getName()).isEqualTo("Herbert");
        }
    }

    @Test
    void malformedObjectIdsAreNotFoundNotServerErrors() {
        App app = app();
        try (TestClient client = TestClient.overSocket(app)) {
            assertThat(client.get("/books/" + new ObjectId().toHexString()).text()).isEqualTo("none");
            for (String bad : List.of("xyz", "0123456789abcdef0123456", "0123456789ABCDEF01234567", "0123456789abcdef012345678",
                    "0123456789abcdef0123456g", "%20123456789abcdef012345")) {
                assertThat(client.get("/books/" + bad).status()).as(bad).isEqualTo(404);
            }
        }
    }

    @Test
    void theObjectIdParserAcceptsOnlyTheCanonicalForm() {
        ObjectId id = new ObjectId();
        assertThat(MongoModule.parseObjectId(id.toHexString())).contains(id);
        assertThat(MongoModule.parseObjectId(id.toHexString().toUpperCase())).isEmpty();
        assertThat(MongoModule.parseObjectId("")).isEmpty();
    }

    @Test
    void declaredIndexesExistOnceTheAppStarted() {
        App app = app();
        Mongo.of(app).index("books", Indexes.ascending("title"));
        try (TestClient ignored = TestClient.overSocket(app)) {
            List<String> names = Mongo.of(app).collection("books").listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
            assertThat(names).contains("added_-1", "title_1");
            assertThatThrownBy(() -> Mongo.of(app).index("books", Indexes.ascending("pages")))
                    .hasMessageContaining("mongo.E008");
        }
    }

    @Test
    void stoppingTheAppClosesTheClientAndTheEmbeddedServer() throws IOException {
        App app = app();
        Mongo mongo;
        String uri;
        try (TestClient client = TestClient.overSocket(app)) {
            client.get("/books/" + new ObjectId().toHexString());
            mongo = Mongo.of(app);
            uri = mongo.describe();
            assertThat(uri).startsWith("mongodb://127.0.0.1:").contains("embedded");
        }
        assertThatThrownBy(mongo::client).hasMessageContaining("mongo.E007");
        int port = URI.create(uri.substring(0, uri.indexOf(' '))).getPort();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void theHealthCheckNamesTheUriWithoutItsPasswordAndSaysWhy() {
        App app = App.create(Config.of(Map.of()));
        app.install(MongoModule.builder().uri("mongodb://ada:s3cret@127.0.0.1:1/notes")
                .serverSelectionTimeout(Duration.ofMillis(300)).build());
        List<Check.Result> results = mongoResults(app);
        assertThat(results).hasSize(1);
        Check.Result r = results.get(0);
        assertThat(r.id()).isEqualTo("mongo.E001");
        assertThat(r.severity()).isEqualTo(Check.Result.Severity.ERROR);
        assertThat(r.message()).contains("mongodb://ada:****@127.0.0.1:1/notes").doesNotContain("s3cret")
                .contains("Timeout");
        assertThat(Mongo.of(app).databaseName()).isEqualTo("notes");
    }

    @Test
    void aHealthyServerPassesTheCheck() {
        App app = app();
        assertThat(mongoResults(app)).isEmpty();
        Mongo.of(app).close();
    }

    @Test
    void productionWithoutUriRefusesToStartAnInProcessServer() {
        App app = App.create(Config.of(Map.of("profile", "prod", "secret.key", "x".repeat(50))));
        assertThatThrownBy(() -> app.install(MongoModule.create()))
                .hasMessageContaining("mongo.E002").hasMessageContaining("MONGODB_URI");
    }

    @Test
    void aMalformedUriIsReportedWithThePasswordHidden() {
        App app = App.create(Config.of(Map.of("mongodb.uri", "mongodb://ada:s3cret@host:notaport/x")));
        assertThatThrownBy(() -> app.install(MongoModule.create()))
                .hasMessageContaining("mongo.E004").hasMessageNotContaining("s3cret").hasMessageContaining("ada:****@");
    }

    @Test
    void theDatabaseComesFromTheSettingFirst() {
        App app = App.create(Config.of(Map.of("mongodb.uri", "mongodb://127.0.0.1:1/fromuri", "mongodb.database", "fromsetting")));
        app.install(MongoModule.create());
        assertThat(Mongo.of(app).databaseName()).isEqualTo("fromsetting");
        assertThat(Mongo.of(app).isEmbedded()).isFalse();
    }

    private static List<Check.Result> mongoResults(App app) {
        return app.runChecks().stream().filter(r -> r.id().startsWith("mongo.")).toList();
    }

    @Test
    void withoutTheModuleTheLookupSaysWhatToInstall() {
        App app = App.create(Config.of(Map.of()));
        assertThatThrownBy(() -> Mongo.of(app)).hasMessageContaining("mongo.E006").hasMessageContaining("MongoModule");
    }
}
