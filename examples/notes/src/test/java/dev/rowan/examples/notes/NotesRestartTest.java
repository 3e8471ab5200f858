package dev.rowan.examples.notes;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick-start promise: with no MONGODB_URI, notes live in an H2 file and survive a restart. */
class NotesRestartTest {
    @TempDir
    Path dir;

    private App app(Path file) {
        App app = App.create(Config.of(Map.of("mongodb.embedded-file", file.toString())));
        app.install(NotesApp.at("/"));
        return app;
    }

    @Test
    void notesSurviveStoppingAndStartingTheAppAndItsEmbeddedServer() {
        Path file = dir.resolve("data/notes.mv");
        String id;
        try (TestClient client = TestClient.overSocket(app(file))) {
            id = (String) client.postJson("/api/notes", Map.of("title", "Remember me", "tags", java.util.List.of("kept"))).json().get("id");
            assertThat(client.putJson("/api/notes/" + id, Map.of("title", "Remember me!", "tags", java.util.List.of("kept"), "version", 1)).status()).isEqualTo(200);
        }
        assertThat(file).exists();

        try (TestClient client = TestClient.overSocket(app(file))) {
            assertThat(client.get("/api/notes/" + id).json()).containsEntry("title", "Remember me!").containsEntry("version", 2);
            assertThat(client.get("/?tag=kept").text()).contains("Remember me!");
        }
    }
}
