package dev.rowan.examples.notes;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged write survives a crash: 16 clients create notes through the API of the app running in a child
 * process on the embedded store; the child is killed with SIGKILL in the middle of that load; after a restart on
 * the same data file every note that had been answered 201 is there.
 */
class NotesCrashTest {
    private static final int CLIENTS = 16;
    private static final int KILL_AFTER = 600;          // acknowledged creates before the kill
    private static final int MAX_PER_CLIENT = 2_000;    // bounds the load if the kill came late
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{24})\"");

    @TempDir
    Path dir;

    @Test
    void everyNoteAnswered201IsThereAfterTheProcessIsKilled() throws Exception {
        Path file = dir.resolve("notes.mv");
        Process child = startChild(file);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            int port = portOf(child);
            load(port, acknowledged, child);
        } finally {
            child.destroyForcibly();   // SIGKILL on Linux and macOS: no shutdown hook runs, nothing is flushed
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(KILL_AFTER);

        App restarted = App.create(Config.of(Map.of("mongodb.embedded-file", file.toString())));
        restarted.install(NotesApp.at("/"));
        try (TestClient client = TestClient.overSocket(restarted)) {
            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                if (client.get("/api/notes/" + id).status() != 200) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("of %s notes answered 201, missing after the crash", acknowledged.size()).isEmpty();
        }
    }

    private Process startChild(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), NotesServerProcess.class.getName(), file.toString())
                .redirectErrorStream(true).start();
    }

    private static int portOf(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PORT ")) {
                Thread.ofVirtual().start(() -> drain(out));   // a full pipe would block the child
                return Integer.parseInt(line.substring(5).strip());
            }
            seen.add(line);
        }
        throw new AssertionError("The child process ended without serving: " + seen);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded
            }
        } catch (IOException ended) {
            // the child was killed
        }
    }

    /** Creates notes from {@link #CLIENTS} threads; kills {@code child} once {@link #KILL_AFTER} were answered 201. */
    private static void load(int port, Set<String> acknowledged, Process child) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/notes");
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < MAX_PER_CLIENT && child.isAlive(); i++) {
                        String id = create(http, uri, "note " + client + "-" + i);
                        if (id == null) {
                            return;   // the server is gone
                        }
                        acknowledged.add(id);
                        if (acknowledged.size() >= KILL_AFTER) {
                            child.destroyForcibly();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(120, TimeUnit.SECONDS)).as("the load ended").isTrue();
    }

    /** The new note's id when the server answered 201; null when the connection failed. */
    private static String create(HttpClient http, URI uri, String title) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\", \"body\": \"text\"}")).build();
        try {
            HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201) {
                throw new AssertionError("A create was answered " + res.statusCode() + ": " + res.body());
            }
            Matcher m = ID.matcher(res.body());
            if (!m.find()) {
                throw new AssertionError("No id in " + res.body());
            }
            return m.group(1);
        } catch (IOException connectionFailed) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
