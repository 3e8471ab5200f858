package dev.rowan.examples.notes;

import dev.rowan.test.TestClient;
import dev.rowan.test.TestResponse;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API through a real socket, against the in-process server with the real driver. */
class NotesApiTest {
    private TestClient client;

    @BeforeEach
    void start() {
        client = TestClient.overSocket(NotesPagesTest.app());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void createReadListUpdateDelete() {
        TestResponse created = client.postJson("/notes/api/notes", Map.of("title", "Groceries", "body", "milk", "tags", List.of("Home", "home")));
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> note = created.json();
        String id = (String) note.get("id");
        assertThat(created.header("Location")).contains("/notes/api/notes/" + id);
        assertThat(note).containsEntry("title", "Groceries").containsEntry("body", "milk").containsEntry("tags", List.of("home"))
                .containsEntry("version", 1).containsKeys("createdAt", "updatedAt");

        assertThat(client.get("/notes/api/notes/" + id).json()).isEqualTo(note);
        assertThat(items(client.get("/notes/api/notes"))).extracting(n -> n.get("id")).containsExactly(id);

        TestResponse updated = client.putJson("/notes/api/notes/" + id, Map.of("title", "Shopping", "version", 1));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("title", "Shopping").containsEntry("body", "").containsEntry("tags", List.of())
                .containsEntry("version", 2);

        assertThat(client.delete("/notes/api/notes/" + id).status()).isEqualTo(204);
        assertThat(client.get("/notes/api/notes/" + id).status()).isEqualTo(404);
        assertThat(client.delete("/notes/api/notes/" + id).status()).isEqualTo(404);
    }

    @Test
    void aNulCharacterInAnyTextIsA400NamingTheField() {
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "a\u0000b")), "title", "Null characters (U+0000) are not allowed");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "t", "body", "x\u0000")), "body", "Null characters");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "t", "tags", List.of("ok", "a\u0000"))), "tags", "Null characters");
        assertBad(client.postJson("/notes/api/notes", "{\"title\": \"\\u0000\"}"), "title", "Null characters");
        assertThat(client.get("/notes/api/notes").json()).containsEntry("total", 0);
    }

    @Test
    void bidiControlsAreRemovedFromTitleBodyAndTags() {
        TestResponse created = client.postJson("/notes/api/notes", Map.of("title", "invoice\u202Efdp.exe\u202C",
                "body", "\u2067שלום\u2069 world", "tags", List.of("\u202Ework")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json()).containsEntry("title", "invoicefdp.exe").containsEntry("body", "שלום world")
                .containsEntry("tags", List.of("work"));
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "\u202E\u202C")), "title", "required");
    }

    @Test
    void invalidBodiesAreClear400s() {
        assertBad(client.postJson("/notes/api/notes", Map.of("body", "no title")), "title", "required");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "   ")), "title", "required");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", 5)), "title", "Must be a string, got the number 5");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "t", "body", List.of())), "body", "Must be a string");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "t", "tags", "work")), "tags", "array of strings");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "t", "tags", List.of(1))), "tags", "must be a string");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "t", "tags", List.of("no spaces"))), "tags", "not a usable tag");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "x".repeat(201))), "title", "at most 200");
        assertBad(client.postJson("/notes/api/notes", Map.of("title", "t", "titel", "typo")), "titel", "Unknown field");
        assertBad(client.postJson("/notes/api/notes", "[1, 2]"), "", "must be a JSON object");
        assertBad(client.postJson("/notes/api/notes", "\"just text\""), "", "must be a JSON object");

        TestResponse malformed = client.postJson("/notes/api/notes", "{\"title\": \"unclosed");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat((String) malformed.json().get("error")).isNotBlank();

        TestResponse empty = client.request("POST", "/notes/api/notes").contentType("application/json").body("").send();
        assertThat(empty.status()).isEqualTo(400);

        TestResponse notJson = client.request("POST", "/notes/api/notes").contentType("text/plain").body("title=x").send();
        assertThat(notJson.status()).isEqualTo(415);
        assertThat((String) notJson.json().get("error")).contains("Content-Type: application/json");

        assertThat(client.get("/notes/api/notes").json()).containsEntry("total", 0);
    }

    @Test
    void updatesNeedAVersionOfTheRightType() {
        String id = createNote("One");
        assertBad(client.putJson("/notes/api/notes/" + id, Map.of("title", "x")), "version", "Required");
        assertBad(client.putJson("/notes/api/notes/" + id, Map.of("title", "x", "version", "1")), "version", "whole number");
        assertBad(client.putJson("/notes/api/notes/" + id, Map.of("title", "x", "version", 1.5)), "version", "whole number");
        assertBad(client.putJson("/notes/api/notes/" + id, Map.of("title", 1, "version", 1)), "title", "string");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = new ObjectId().toHexString();
        for (String path : List.of("/notes/api/notes/" + unknown, "/notes/api/notes/nope", "/notes/api/notes/" + unknown.toUpperCase())) {
            assertThat(client.get(path).status()).as(path).isEqualTo(404);
            assertThat(client.putJson(path, Map.of("title", "x", "version", 1)).status()).as(path).isEqualTo(404);
            assertThat(client.delete(path).status()).as(path).isEqualTo(404);
        }
        TestResponse res = client.get("/notes/api/notes/" + unknown);
        assertThat((String) res.json().get("error")).contains("no such note");
        assertThat(client.putJson("/notes/api/notes/" + unknown, Map.of("title", 1)).status())
                .as("unknown note wins over a bad body").isEqualTo(404);
    }

    @Test
    void aStaleUpdateIsAConflictShowingTheCurrentNote() {
        String id = createNote("Start");
        assertThat(client.putJson("/notes/api/notes/" + id, Map.of("title", "First", "version", 1)).status()).isEqualTo(200);
        TestResponse stale = client.putJson("/notes/api/notes/" + id, Map.of("title", "Second", "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat((String) stale.json().get("error")).contains("changed since version 1");
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) stale.json().get("current");
        assertThat(current).containsEntry("title", "First").containsEntry("version", 2);
        assertThat(client.get("/notes/api/notes/" + id).json()).containsEntry("title", "First");
    }

    @Test
    void ofManySimultaneousEditsOfOneVersionExactlyOneWins() throws Exception {
        String id = createNote("Contended");
        int writers = 6;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String title = "writer " + i;
            edits.add(() -> {
                go.await();
                return client.putJson("/notes/api/notes/" + id, Map.of("title", title, "version", 1)).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Integer>> futures = new ArrayList<>();
            edits.forEach(e -> futures.add(pool.submit(e)));
            go.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(client.get("/notes/api/notes/" + id).json()).containsEntry("version", 2);
    }

    @Test
    void listingPagesByNumberOrByKeysetAndFilters() {
        for (int i = 1; i <= 5; i++) {
            client.postJson("/notes/api/notes", Map.of("title", "n" + i, "tags", i % 2 == 0 ? List.of("even") : List.of()));
        }
        TestResponse page2 = client.get("/notes/api/notes?size=2&page=2");
        assertThat(page2.json()).containsEntry("page", 2).containsEntry("pages", 3).containsEntry("total", 5).containsEntry("size", 2);
        assertThat(items(page2)).extracting(n -> n.get("title")).containsExactly("n3", "n2");
        assertThat(client.get("/notes/api/notes?page=9").status()).isEqualTo(404);
        assertThat(client.get("/notes/api/notes?page=0").status()).isEqualTo(400);
        assertThat(client.get("/notes/api/notes?size=0").status()).isEqualTo(400);
        assertThat(client.get("/notes/api/notes?size=101").status()).isEqualTo(400);

        List<Object> walked = new ArrayList<>();
        String after = "ffffffffffffffffffffffff";
        while (after != null) {
            TestResponse slice = client.get("/notes/api/notes?size=2&after=" + after);
            items(slice).forEach(n -> walked.add(n.get("title")));
            after = (String) slice.json().get("next");
        }
        assertThat(walked).containsExactly("n5", "n4", "n3", "n2", "n1");
        assertThat(client.get("/notes/api/notes?after=nope").status()).isEqualTo(400);

        assertThat(items(client.get("/notes/api/notes?tag=even"))).extracting(n -> n.get("title")).containsExactly("n4", "n2");
        assertThat(items(client.get("/notes/api/notes?q=N3"))).extracting(n -> n.get("title")).containsExactly("n3");
        assertThat(items(client.get("/notes/api/notes?q=.*"))).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private String createNote(String title) {
        TestResponse res = client.postJson("/notes/api/notes", Map.of("title", title));
        assertThat(res.status()).isEqualTo(201);
        return (String) res.json().get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(TestResponse res) {
        assertThat(res.status()).as(res.text()).isEqualTo(200);
        return (List<Map<String, Object>>) res.json().get("items");
    }

    @SuppressWarnings("unchecked")
    private static void assertBad(TestResponse res, String field, String message) {
        assertThat(res.status()).as(res.text()).isEqualTo(400);
        Map<String, Object> body = res.json();
        assertThat((String) body.get("error")).contains(message);
        assertThat((Map<String, List<String>>) body.get("errors")).containsKey(field);
    }

    @Test
    void everyErrorIsJsonEvenBeforeAHandlerRuns() {
        for (String path : List.of("/notes/api/notes/%00", "/notes/api/notes/a%2fb", "/notes/api/notes/%2F")) {
            TestResponse res = client.request("GET", path).accept("text/html").send();
            assertThat(res.status()).as(path).isEqualTo(400);
            assertJsonError(res, 400);
        }
        assertJsonError(client.request("GET", "/notes/api/nothing-here").accept("text/html").send(), 404);
        assertJsonError(client.request("PATCH", "/notes/api/notes").accept("text/html").send(), 405);
        // The pages beside the API keep HTML error pages.
        TestResponse page = client.request("GET", "/notes/%00").accept("text/html").send();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    @Test
    void aParsersOwnWordsNeverReachTheClient() {
        Map<String, String> bodies = Map.of(
                "nested too deeply", "[".repeat(2_000) + "]".repeat(2_000),
                "nested object", "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000),
                "a number with too many digits", "{\"title\": " + "9".repeat(2_000) + "}",
                "a field name that is too long", "{\"" + "n".repeat(60_000) + "\": 1}",
                "a control character", "{\"title\": \"a\u0001b\"}",
                "a bad escape", "{\"title\": \"\\q\"}");
        bodies.forEach((what, body) -> {
            TestResponse res = client.postJson("/notes/api/notes", body);
            assertThat(res.status()).as(what + ": " + res.text()).isEqualTo(400);
            String error = (String) res.json().get("error");
            assertThat(error).as(what).startsWith("The JSON").doesNotContain("StreamReadConstraints").doesNotContainIgnoringCase("jackson")
                    .doesNotContain("`").doesNotContain("exceeds the maximum").doesNotContain("getMax");
        });
        assertThat((String) client.postJson("/notes/api/notes", "[".repeat(2_000)).json().get("error"))
                .isEqualTo("The JSON body nests too deeply: more than 200 levels of objects and arrays are not accepted.");
    }

    private static void assertJsonError(TestResponse res, int status) {
        assertThat(res.status()).as(res.text()).isEqualTo(status);
        assertThat(res.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(res.json()).containsEntry("status", status);
        assertThat((String) res.json().get("error")).isNotBlank();
    }
}
