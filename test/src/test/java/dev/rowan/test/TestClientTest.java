package dev.rowan.test;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Cookie;
import dev.rowan.core.UploadedFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestClientTest {
    static App app() {
        return App.create(Config.of(Map.of()))
                .get("/", ctx -> ctx.text("host=" + ctx.header("Host").asString() + " cookies=" + ctx.header("Cookie").asString("")))
                .get("/set", ctx -> ctx.cookie(Cookie.of("a", "1")).cookie(Cookie.of("scoped", "2").withPath("/admin")).text("set"))
                .get("/forget", ctx -> ctx.removeCookie("a").text("forgot"))
                .get("/short", ctx -> ctx.cookie(Cookie.of("b", "3").withMaxAge(Duration.ofSeconds(60))).text("short"))
                .get("/admin/page", ctx -> ctx.text(ctx.header("Cookie").asString("")))
                .get("/loop", ctx -> ctx.redirect("/loop"))
                .get("/abs", ctx -> ctx.redirect("http://localhost/"))
                .post("/keep", ctx -> ctx.redirect("/echo", 307))
                .post("/echo", ctx -> ctx.text(ctx.method() + " " + ctx.bodyString()))
                .get("/json", ctx -> ctx.json(Map.of("n", 1)))
                .get("/origin", ctx -> ctx.text(ctx.origin()))
                .post("/upload", ctx -> {
                    var out = new StringBuilder("title=" + ctx.form("title").asString() + " tags=" + ctx.formAll("tag"));
                    for (UploadedFile f : ctx.files("doc")) {
                        try (var in = f.open()) {
                            out.append(" | ").append(f.filename()).append(' ').append(f.contentType()).append(' ')
                                    .append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                    ctx.text(out.toString());
                });
    }

    @Test
    void multipartSendsFieldsAndFilesAsABrowserWould() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("title", "Prices \u20ac");
        parts.put("tag", List.of("a", "b"));
        parts.put("doc", List.of(TestFile.of("prices.csv", "text/csv", "a,b\n1,2\n"),
                TestFile.of("odd \"name\".txt", "text/plain", new byte[] {'h', 'i'})));
        for (TestClient client : List.of(TestClient.of(app()), TestClient.overSocket(app()))) {
            try (client) {
                var res = client.request("POST", "/upload").multipart(parts).send();
                assertThat(res.status()).isEqualTo(200);
                assertThat(res.text()).isEqualTo("title=Prices \u20ac tags=[a, b] | prices.csv text/csv a,b\n1,2\n"
                        + " | odd %22name%22.txt text/plain hi");
            }
        }
    }

    @Test
    void testFilesReadFromDiskKeepTheirNameAndCopyTheirBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var path = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");
        TestFile file = TestFile.of(path);
        assertThat(file.filename()).isEqualTo("notes.txt");
        assertThat(file.contentType()).isEqualTo("text/plain");
        byte[] copy = file.content();
        copy[0] = 'J';
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void sendsHostLocalhostAndKeepsCookiesByPath() {
        var client = TestClient.of(app());
        assertThat(client.get("/").text()).isEqualTo("host=localhost cookies=");
        client.get("/set");
        assertThat(client.cookies()).containsEntry("a", "1").containsEntry("scoped", "2");
        assertThat(client.get("/").text()).isEqualTo("host=localhost cookies=a=1");
        assertThat(client.get("/admin/page").text()).isEqualTo("scoped=2; a=1");
        client.get("/short");
        assertThat(client.cookie("b")).contains("3");
    }

    @Test
    void maxAgeZeroDeletesTheCookie() {
        var client = TestClient.of(app());
        client.get("/set");
        client.get("/forget");
        assertThat(client.cookie("a")).isEmpty();
        assertThat(client.get("/").text()).isEqualTo("host=localhost cookies=");
    }

    @Test
    void followsRedirectsOnlyWhenAskedAndStopsLoops() {
        var client = TestClient.of(app());
        assertThat(client.get("/abs").status()).isEqualTo(302);
        client.followRedirects(true);
        assertThat(client.get("/abs").text()).startsWith("host=localhost");
        assertThatThrownBy(() -> client.get("/loop")).hasMessageContaining("More than 10 redirects");
        assertThat(client.request("POST", "/keep").body("data").send().text()).isEqualTo("POST data");
    }

    @Test
    void jsonNeedsAJsonBody() {
        var client = TestClient.of(app());
        assertThat(client.get("/json").json()).containsEntry("n", 1);
        assertThatThrownBy(() -> client.get("/").json()).isInstanceOf(AssertionError.class).hasMessageContaining("is not the JSON expected");
    }

    @Test
    void originIsTheAppsOwnOriginInBothModes() {
        var memory = TestClient.of(app());
        assertThat(memory.origin()).isEqualTo("http://localhost").isEqualTo(memory.get("/origin").text());
        memory.host("example.com:8443");
        assertThat(memory.origin()).isEqualTo("http://example.com:8443").isEqualTo(memory.get("/origin").text());
        App app = app();
        try (var socket = TestClient.overSocket(app)) {
            assertThat(socket.origin()).isEqualTo("http://127.0.0.1:" + app.port()).isEqualTo(socket.get("/origin").text());
        }
    }

    @Test
    void socketModeHasTheSameApi() {
        App app = app();
        try (var client = TestClient.overSocket(app)) {
            assertThat(client.get("/").text()).startsWith("host=127.0.0.1:" + app.port());
            client.get("/set");
            assertThat(client.get("/admin/page").text()).isEqualTo("scoped=2; a=1");
            var head = client.head("/");
            assertThat(head.bytes()).isEmpty();
            assertThat(head.header("Content-Length")).isPresent();
            assertThat(client.request("POST", "/echo").body("over the wire").send().text()).isEqualTo("POST over the wire");
        }
        assertThatThrownBy(app::port).hasMessageContaining("not serving");
    }

    @Nested
    @RowanTest
    class WithTheExtension {
        @Test
        void injectsAClientForTheAppMethod(TestClient client, App app) {
            assertThat(client.app()).isSameAs(app);
            assertThat(client.get("/").status()).isEqualTo(200);
            assertThat(client.cookies()).isEmpty();
        }
    }

    @Nested
    @RowanTest(overSocket = true, followRedirects = true)
    class OverASocket {
        @Test
        void servesOnARealPort(TestClient client) {
            assertThat(client.get("/abs").text()).startsWith("host=127.0.0.1:" + client.app().port());
        }
    }
}
