package dev.rowan.examples.notes;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clean log: the notes app on its embedded store, with its indexes declared, starts and restarts on the same data
 * file without a single WARNING record (the in-process server used to warn twice per start about the two indexes).
 */
class NotesLogTest {
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

    @Test
    void startingAndRestartingOnTheEmbeddedStoreLogsNoWarning() {
        // A secret key, as a deployment has: without one, dev warns about it on purpose (core.W001).
        Config config = Config.of(Map.of("mongodb.embedded-file", dir.resolve("notes.mv").toString(), "secret.key", "s".repeat(50)));
        for (int start = 1; start <= 2; start++) {
            App app = App.create(config);
            app.install(NotesApp.at("/"));
            try (TestClient client = TestClient.overSocket(app)) {
                assertThat(client.postJson("/api/notes", Map.of("title", "Start " + start, "tags", List.of("log"))).status()).isEqualTo(201);
                assertThat(client.get("/?tag=log").text()).contains("Start " + start);
            }
        }
        List<String> warnings = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
        assertThat(warnings).isEmpty();
        assertThat(logged).as("the log was captured").anySatisfy(r -> assertThat(r.getMessage()).contains("in-process MongoDB-compatible server"));
    }
}
