package dev.rowan.mongo;

import com.mongodb.client.model.Filters;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPersistenceTest {
    @TempDir
    Path dir;

    private App app(Path file) {
        App app = App.create(Config.of(Map.of("mongodb.embedded-file", file.toString())));
        app.install(MongoModule.create());
        app.get("/count", ctx -> ctx.text(String.valueOf(Mongo.of(ctx).collection("things").countDocuments())));
        return app;
    }

    @Test
    void dataInTheH2FileSurvivesAStopAndStart() {
        Path file = dir.resolve("sub/folder/things.mv");
        App first = app(file);
        try (TestClient client = TestClient.overSocket(first)) {
            assertThat(client.get("/count").text()).isEqualTo("0");
            Mongo.of(first).collection("things").insertOne(new Document("name", "kept"));
            assertThat(Mongo.of(first).describe()).contains(file.toAbsolutePath().toString());
        }
        assertThat(file).exists();

        App second = app(file);
        try (TestClient client = TestClient.overSocket(second)) {
            assertThat(client.get("/count").text()).isEqualTo("1");
            assertThat(Mongo.of(second).collection("things").find(Filters.eq("name", "kept")).first()).isNotNull();
        }
    }

    @Test
    void inMemoryWritesNoFile() throws Exception {
        App app = App.create(Config.of(Map.of("mongodb.embedded-file", "memory")));
        app.install(MongoModule.create());
        try (TestClient ignored = TestClient.overSocket(app)) {
            Mongo.of(app).collection("things").insertOne(new Document("a", 1));
            assertThat(Mongo.of(app).describe()).contains("memory");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
