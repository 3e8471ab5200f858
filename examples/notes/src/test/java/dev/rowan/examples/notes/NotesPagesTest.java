package dev.rowan.examples.notes;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import dev.rowan.test.TestResponse;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every HTML page, through a real socket, against the in-process server with the real driver. */
class NotesPagesTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\"[^>]*value=\"(\\d+)\"");

    private TestClient client;

    private static final Pattern TIME = Pattern.compile("<time datetime=\"([^\"]+)\">([^<]+)</time>");

    static App app() {
        return app(Map.of());
    }

    static App app(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("mongodb.embedded-file", "memory");
        App app = App.create(Config.of(all));
        app.install(NotesApp.at("/notes").pageSize(3));
        return app;
    }

    @BeforeEach
    void start() {
        client = TestClient.overSocket(app());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void anEmptyListInvitesTheFirstNote() {
        TestResponse res = client.get("/notes/");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).contains("No notes yet").contains("href=\"/notes/new\"");
    }

    @Test
    void creatingANoteThroughTheFormShowsIt() {
        String id = create("Groceries", "milk\neggs", "Home, errands ,home");
        TestResponse detail = client.get("/notes/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text()).contains("<h1>Groceries</h1>").contains("milk<br>eggs")
                .contains("?tag=home\">home</a>").contains("?tag=errands\">errands</a>").contains("version 1");
    }

    @Test
    void everyFormCarriesACsrfTokenAndAPostWithoutOneIsRefused() {
        assertThat(client.get("/notes/new").text()).containsPattern(TOKEN);
        TestResponse res = client.post("/notes/new", Map.of("title", "sneaky"));
        assertThat(res.status()).isEqualTo(403);
        assertThat(client.get("/notes/").text()).contains("No notes yet");

        String id = create("Mine", "", "");
        assertThat(client.get("/notes/" + id + "/edit").text()).containsPattern(TOKEN);
        assertThat(client.get("/notes/" + id + "/delete").text()).containsPattern(TOKEN);
        assertThat(client.post("/notes/" + id + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(client.post("/notes/" + id + "/edit", Map.of("title", "x", "version", "1")).status()).isEqualTo(403);
        assertThat(client.get("/notes/" + id).status()).isEqualTo(200);
    }

    @Test
    void anInvalidFormIsShownAgainWithItsErrorsAndTheUsersText() {
        TestResponse res = client.post("/notes/new", withToken("/notes/new", Map.of("title", "  ", "body", "keep me", "tags", "ok, not ok!")));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("This field is required.").contains("keep me")
                .containsPattern("&#(39|x27);not ok!&#(39|x27); is not a usable tag");
    }

    @Test
    void theFormRefusesANulCharacterAndRemovesBidiControls() {
        TestResponse res = client.post("/notes/new", withToken("/notes/new", Map.of("title", "a\u0000b", "body", "", "tags", "")));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("Null characters (U+0000) are not allowed in text.");
        assertThat(client.get("/notes/").text()).contains("No notes yet");

        String id = create("invoice\u202Efdp.exe", "body\u2066 text\u2069", "");
        assertThat(client.get("/notes/" + id).text()).contains("<h1>invoicefdp.exe</h1>").contains("body text")
                .doesNotContain("\u202E").doesNotContain("\u2066");
    }

    @Test
    void theBodyIsPlainTextEscapedByTheTemplate() {
        String id = create("<b>bold</b>", "<script>alert('x')</script>\n& more", "");
        String html = client.get("/notes/" + id).text();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold</b>")
                .containsPattern("&lt;script&gt;alert\\(&#(39|x27);x&#(39|x27);\\)&lt;/script&gt;").contains("&amp; more")
                .contains("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        for (int i = 1; i <= 7; i++) {
            create("note " + i, "", "");
        }
        String first = client.get("/notes/").text();
        assertThat(titlesIn(first)).containsExactly("note 7", "note 6", "note 5");
        assertThat(first).contains("Page 1 of 3 (7 notes)").contains("rel=\"next\" href=\"?page=2\"").doesNotContain("rel=\"prev\"");
        String last = client.get("/notes/?page=3").text();
        assertThat(titlesIn(last)).containsExactly("note 1");
        assertThat(last).contains("rel=\"prev\" href=\"?page=2\"").doesNotContain("rel=\"next\"");
        assertThat(client.get("/notes/?page=4").status()).isEqualTo(404);
        assertThat(client.get("/notes/?page=0").status()).isEqualTo(404);
        assertThat(client.get("/notes/?page=abc").status()).isEqualTo(400);
    }

    @Test
    void searchTakesTheUsersTextLiterallyAndIgnoresCase() {
        create("Regex a.*b inside", "", "");
        create("Evil (a+)+$ pattern", "", "");
        create("Plain", "The BODY mentions Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "");
        assertThat(titlesIn(client.get("/notes/?q=.*").text())).containsExactly("Regex a.*b inside");
        assertThat(titlesIn(client.get("/notes/?q=%28a%2B%29%2B%24").text())).containsExactly("Evil (a+)+$ pattern");
        assertThat(titlesIn(client.get("/notes/?q=body+MENTIONS").text())).containsExactly("Plain");
        assertThat(client.get("/notes/?q=nothing-like-this").text()).contains("No notes match.");
        assertThat(client.get("/notes/?q=" + "x".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void tagsFilterTheList() {
        create("Work one", "", "work");
        create("Home one", "", "home");
        create("Both", "", "home, work");
        assertThat(titlesIn(client.get("/notes/?tag=work").text())).containsExactly("Both", "Work one");
        assertThat(titlesIn(client.get("/notes/?tag=HOME").text())).containsExactly("Both", "Home one");
        assertThat(titlesIn(client.get("/notes/?tag=work&q=both").text())).containsExactly("Both");
        assertThat(client.get("/notes/?tag=no%20spaces").status()).isEqualTo(400);
    }

    @Test
    void editingSavesAndBumpsTheVersion() {
        String id = create("Draft", "first", "a");
        String form = client.get("/notes/" + id + "/edit").text();
        assertThat(form).contains("value=\"Draft\"").contains("first").contains("value=\"a\"");
        assertThat(version(form)).isEqualTo("1");
        TestResponse saved = client.post("/notes/" + id + "/edit", withToken("/notes/" + id + "/edit",
                Map.of("title", "Final", "body", "second", "tags", "b", "version", "1")));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.redirectLocation()).contains("/notes/" + id);
        assertThat(client.get("/notes/" + id).text()).contains("<h1>Final</h1>").contains("second").contains("version 2");
    }

    @Test
    void aStaleEditIsRefusedWithTheFormShownAgainAndCanBeResaved() {
        String id = create("Shared", "original", "");
        String edit = "/notes/" + id + "/edit";
        TestClient other = TestClient.overSocket(client.app());
        Map<String, String> theirs = withToken(other, edit, Map.of("title", "Theirs", "body", "their text", "version", "1"));
        Map<String, String> mine = withToken(edit, Map.of("title", "Mine", "body", "my text", "version", "1"));

        assertThat(other.post(edit, theirs).status()).isEqualTo(303);
        TestResponse conflict = client.post(edit, mine);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text()).contains("Someone else changed this note").contains("value=\"Mine\"").contains("my text")
                .contains("their text").contains("version 2");
        assertThat(version(conflict.text())).isEqualTo("2");
        assertThat(client.get("/notes/" + id).text()).contains("<h1>Theirs</h1>");

        Map<String, String> again = withToken(edit, Map.of("title", "Mine", "body", "my text", "version", "2"));
        assertThat(client.post(edit, again).status()).isEqualTo(303);
        assertThat(client.get("/notes/" + id).text()).contains("<h1>Mine</h1>").contains("version 3");
    }

    @Test
    void deletingAsksFirst() {
        String id = create("Doomed", "", "");
        TestResponse confirm = client.get("/notes/" + id + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text()).contains("Delete this note?").contains("Doomed").contains("method=\"post\"");
        assertThat(client.get("/notes/" + id).status()).as("a GET deletes nothing").isEqualTo(200);
        TestResponse deleted = client.post("/notes/" + id + "/delete", withToken("/notes/" + id + "/delete", Map.of()));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.redirectLocation()).contains("/notes/");
        assertThat(client.get("/notes/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = new ObjectId().toHexString();
        String known = create("Exists", "", "");
        for (String path : List.of("/notes/xyz", "/notes/" + unknown, "/notes/" + unknown + "/edit", "/notes/" + unknown + "/delete",
                "/notes/" + known.toUpperCase(), "/notes/" + known + "x", "/notes/%27%20OR%201=1")) {
            assertThat(client.get(path).status()).as(path).isEqualTo(404);
        }
        Map<String, String> token = withToken("/notes/new", Map.of());
        assertThat(client.post("/notes/" + unknown + "/delete", token).status()).isEqualTo(404);
        Map<String, String> edit = new HashMap<>(token);
        edit.putAll(Map.of("title", "t", "version", "1"));
        assertThat(client.post("/notes/" + unknown + "/edit", edit).status()).isEqualTo(404);
    }

    @Test
    void eachTagIsItsOwnListItemNotRunTogether() {
        String id = create("Tagged", "", "demo, tag2");
        for (String html : List.of(client.get("/notes/" + id).text(), client.get("/notes/").text())) {
            assertThat(html).containsPattern("<ul class=\"tags\" aria-label=\"Tags\">\\s*"
                    + "<li><a class=\"tag\" href=\"/notes/\\?tag=demo\">demo</a></li>\\s*"
                    + "<li><a class=\"tag\" href=\"/notes/\\?tag=tag2\">tag2</a></li>\\s*</ul>");
            assertThat(html.replaceAll("<[^>]*>", "")).doesNotContain("demotag2");
        }
        String untagged = create("No tags", "", "");
        assertThat(client.get("/notes/" + untagged).text()).as("no empty list").doesNotContain("class=\"tags\"");
    }

    @Test
    void timesAreReadableInTheConfiguredZoneWithTheInstantInTheDatetimeAttribute() {
        client.close();
        client = TestClient.overSocket(app(Map.of("notes.time-zone", "Asia/Kolkata")));
        String id = create("When", "", "");
        String html = client.get("/notes/" + id).text();
        Matcher time = TIME.matcher(html);
        assertThat(time.find()).as(html).isTrue();
        Instant written = Instant.parse(time.group(1));
        String shown = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.of("Asia/Kolkata"))
                .format(written) + " IST";
        assertThat(time.group(2)).isEqualTo(shown).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} IST");
        assertThat(html).contains("Written <time");
        assertThat(html.replaceAll("<[^>]*>", "")).as("no raw ISO instant in the text").doesNotContain(time.group(1));
        Matcher listed = TIME.matcher(client.get("/notes/").text());
        assertThat(listed.find()).isTrue();
        assertThat(listed.group(1)).isEqualTo(time.group(1));
        assertThat(listed.group(2)).isEqualTo(shown);
    }

    @Test
    void timesAreInUtcUnlessAZoneIsConfigured() {
        String id = create("When", "", "");
        Matcher time = TIME.matcher(client.get("/notes/" + id).text());
        assertThat(time.find()).isTrue();
        assertThat(time.group(2)).isEqualTo(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC).format(Instant.parse(time.group(1))));
    }

    @Test
    void anUnknownTimeZoneStopsTheInstallWithTheSettingNamed() {
        assertThatThrownBy(() -> app(Map.of("notes.time-zone", "Mars/Olympus")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("notes.E001").hasMessageContaining("notes.time-zone").hasMessageContaining("Mars/Olympus")
                .hasMessageContaining("Europe/Berlin");
    }

    @Test
    void countsArePluralisedLikeASentence() {
        assertThat(client.get("/notes/").text()).contains("(0 notes)");
        create("one", "", "");
        assertThat(client.get("/notes/").text()).contains("(1 note)").doesNotContain("1 notes");
        create("two", "", "");
        assertThat(client.get("/notes/").text()).contains("(2 notes)");
    }

    @Test
    void theBodyTextareaIsTenRowsTallAndAsWideAsTheForm() {
        String html = client.get("/notes/new").text();
        assertThat(html).containsPattern("<textarea name=\"body\" id=\"id_body\"[^>]* rows=\"10\"");
        // The layout's own rule: the full width of the form, its padding and border inside that width (390px phones).
        assertThat(html).containsPattern("textarea \\{[^}]*width: 100%").containsPattern("box-sizing: border-box");
    }

    @Test
    void theBodyKeepsItsLineBreaksAndStaysEscaped() {
        String id = create("Lines", "line1\nline2\r\n<script>alert(1)</script>", "");
        String html = client.get("/notes/" + id).text();
        assertThat(html).contains("<div class=\"note-body\">line1<br>line2<br>&lt;script&gt;alert(1)&lt;/script&gt;</div>")
                .doesNotContain("<script>alert");
        assertThat(client.get("/notes/" + id + "/edit").text()).as("the form shows the text as written")
                .contains(">\nline1\nline2\r\n&lt;script&gt;");
    }

    // ---------------------------------------------------------------- helpers

    /** Creates a note through the HTML form and returns its id. */
    private String create(String title, String body, String tags) {
        TestResponse res = client.post("/notes/new", withToken("/notes/new", Map.of("title", title, "body", body, "tags", tags)));
        assertThat(res.status()).as(res.text()).isEqualTo(303);
        String location = res.redirectLocation().orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private Map<String, String> withToken(String formPage, Map<String, String> fields) {
        return withToken(client, formPage, fields);
    }

    /** The fields plus the CSRF token from the form page, as a browser would send them. */
    private static Map<String, String> withToken(TestClient browser, String formPage, Map<String, String> fields) {
        Matcher m = TOKEN.matcher(browser.get(formPage).text());
        assertThat(m.find()).as("a CSRF input on " + formPage).isTrue();
        Map<String, String> out = new HashMap<>(fields);
        out.put("_csrf", m.group(1));
        return out;
    }

    private static String version(String html) {
        Matcher m = VERSION.matcher(html);
        assertThat(m.find()).as("a version input").isTrue();
        return m.group(1);
    }

    private static List<String> titlesIn(String html) {
        Matcher m = Pattern.compile("<li><a href=\"/notes/[0-9a-f]{24}\">([^<]*)</a>").matcher(html);
        return m.results().map(r -> r.group(1).replace("&#39;", "'").replace("&amp;", "&")).toList();
    }
}
