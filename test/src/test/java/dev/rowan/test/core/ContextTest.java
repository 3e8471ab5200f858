package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.Cookie;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContextTest {
    record Vote(int choice, String voter, LocalDate day) {}

    private static App app() {
        return Apps.app()
                .get("/q", ctx -> ctx.text("page " + ctx.query("page").asInt(1) + " size " + ctx.query("size").asLong(10)
                        + " on " + ctx.query("on").asBoolean(false) + " tags " + ctx.queryAll("tag")))
                .get("/temp", ctx -> ctx.text(String.valueOf(ctx.query("value").asDouble() * 9 / 5 + 32)))
                .get("/id", ctx -> ctx.text(ctx.query("id").asUuid().toString()))
                .post("/form", ctx -> ctx.text(ctx.form("name").asString() + " is " + ctx.form("age").asInt() + " " + ctx.formAll("pet")))
                .get("/header", ctx -> ctx.text("n=" + ctx.header("X-Count").asInt()))
                .get("/cookie", ctx -> ctx.text("c=" + ctx.cookie("visits").asInt()))
                .post("/bytes", ctx -> ctx.text(ctx.bodyBytes().length + " bytes"))
                .post("/string", ctx -> ctx.text(ctx.bodyString().toUpperCase()))
                .post("/stream", ctx -> {
                    try (var in = ctx.bodyStream()) {
                        ctx.text("streamed " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                })
                .post("/twice", ctx -> {
                    ctx.bodyString();
                    ctx.bodyString();
                })
                .post("/vote", ctx -> {
                    Vote v = ctx.bodyAs(Vote.class);
                    ctx.status(201).json(Map.of("choice", v.choice(), "voter", v.voter(), "day", v.day()));
                })
                .get("/neg", ctx -> ctx.text(ctx.accepts("application/json", "text/html").orElse("none")));
    }

    @Test
    void queryValuesConvertWithDefaults() {
        var client = TestClient.of(app());
        assertThat(client.get("/q").text()).isEqualTo("page 1 size 10 on false tags []");
        assertThat(client.get("/q?page=3&size=20&on=on&tag=a&tag=b").text()).isEqualTo("page 3 size 20 on true tags [a, b]");
        assertThat(client.request("GET", "/temp").query("value", "100").send().text()).isEqualTo("212.0");
    }

    @Test
    void badOrMissingValuesAreA400NamingThem() {
        var client = TestClient.of(app()).defaultHeader("Accept", "text/plain");
        var bad = client.request("GET", "/q?page=abc").accept("text/plain").send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("The query parameter 'page' must be a whole number, got 'abc'.");
        assertThat(client.get("/temp").text()).contains("The query parameter 'value' is required.");
        assertThat(client.get("/temp?value=NaN").text()).contains("'value' must be a number");
        assertThat(client.get("/temp?value=1e999").text()).contains("'value' must be a finite number");
        assertThat(client.get("/q?on=maybe").text()).contains("'on' must be true or false");
        assertThat(client.get("/id?id=xyz").text()).contains("'id' must be a UUID");
        assertThat(client.post("/form", Map.of("name", "Ada", "age", "old")).text()).contains("The form field 'age' must be a whole number");
        assertThat(client.request("GET", "/header").header("X-Count", "many").send().text()).contains("The header 'X-Count' must be a whole number");
        assertThat(client.request("GET", "/cookie").cookie("visits", "x").send().text()).contains("The cookie 'visits' must be a whole number");
    }

    @Test
    void formHeaderAndCookieValues() {
        var client = TestClient.of(app());
        assertThat(client.post("/form", Map.of("name", "Ada", "age", "36", "pet", List.of("cat", "dog"))).text())
                .isEqualTo("Ada is 36 [cat, dog]");
        assertThat(client.request("GET", "/header").header("x-count", "4").send().text()).isEqualTo("n=4");
        assertThat(client.setCookie("visits", "7").get("/cookie").text()).isEqualTo("c=7");
    }

    @Test
    void bodyAsBytesStringOrStreamReadOnce() {
        var client = TestClient.of(app());
        assertThat(client.request("POST", "/bytes").body(new byte[] {1, 2, 3}).send().text()).isEqualTo("3 bytes");
        assertThat(client.request("POST", "/string").body("héllo").send().text()).isEqualTo("HÉLLO");
        assertThat(client.request("POST", "/stream").body("data").send().text()).isEqualTo("streamed data");
        var twice = client.request("POST", "/twice").body("x").send();
        assertThat(twice.status()).isEqualTo(500);
    }

    @Test
    void jsonInAndOut() {
        var client = TestClient.of(app());
        var res = client.postJson("/vote", new Vote(2, "ada", LocalDate.of(2024, 5, 31)));
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.contentType()).contains("application/json");
        assertThat(res.json()).containsEntry("choice", 2).containsEntry("voter", "ada").containsEntry("day", "2024-05-31");
    }

    @Test
    void malformedJsonIsA400SayingWhere() {
        var client = TestClient.of(app()).defaultHeader("Accept", "text/plain");
        var res = client.request("POST", "/vote").json("{\"choice\": 2,\n \"voter\": }").contentType("application/json").send();
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("line 2, column").contains("a value was expected");
        var wrongType = client.postJson("/vote", "{\"choice\": \"two\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text()).contains("'choice' must be a whole number");
        var unknown = client.postJson("/vote", "{\"choice\": 1, \"colour\": \"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("'colour' is not allowed");
    }

    @Test
    void errorsAreJsonForJsonClients() {
        var res = TestClient.of(app()).request("POST", "/vote").json("{\"choice\": 1").accept("application/json").send();
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json()).containsOnlyKeys("error", "status").containsEntry("status", 400);
        assertThat(res.json().get("error").toString()).contains("ends too early");
    }

    @Test
    void tooLargeBodyIs413() {
        var client = TestClient.of(Apps.app("server.max-body-size", "10").post("/vote", ctx -> ctx.json(ctx.bodyAs(Map.class)))
                .post("/raw", ctx -> ctx.text(ctx.bodyString())));
        assertThat(client.postJson("/vote", "{\"a\": \"0123456789\"}").status()).isEqualTo(413);
        assertThat(client.request("POST", "/raw").body("0123456789ABC").send().status()).isEqualTo(413);
        assertThat(client.request("POST", "/raw").body("small").send().text()).isEqualTo("small");
    }

    @Test
    void acceptsHonoursQValuesAndOrder() {
        var client = TestClient.of(app());
        assertThat(client.request("GET", "/neg").accept("text/html").send().text()).isEqualTo("text/html");
        assertThat(client.request("GET", "/neg").accept("text/html;q=0.5, application/json").send().text()).isEqualTo("application/json");
        assertThat(client.request("GET", "/neg").accept("application/json;q=0.2, text/*;q=0.9").send().text()).isEqualTo("text/html");
        assertThat(client.request("GET", "/neg").accept("*/*").send().text()).isEqualTo("application/json");
        assertThat(client.request("GET", "/neg").accept("image/png").send().text()).isEqualTo("none");
        assertThat(client.request("GET", "/neg").accept("application/json;q=0, */*").send().text()).isEqualTo("text/html");
        assertThat(client.get("/neg").text()).isEqualTo("application/json");
    }

    @Test
    void redirectsStatusAndHeaders() {
        var client = TestClient.of(Apps.app()
                .post("/save", ctx -> ctx.redirect("/done"))
                .get("/moved", ctx -> ctx.redirect("/new", 301))
                .get("/done", ctx -> ctx.status(202).header("X-Thing", "1").addHeader("X-Many", "a").addHeader("X-Many", "b").text("done")));
        var res = client.post("/save", Map.of());
        assertThat(res.status()).isEqualTo(302);
        assertThat(res.redirectLocation()).contains("/done");
        assertThat(client.get("/moved").redirectLocation()).contains("/new");
        var done = client.followRedirects(true).post("/save", Map.of());
        assertThat(done.status()).isEqualTo(202);
        assertThat(done.header("X-Thing")).contains("1");
        assertThat(done.headers("X-Many")).containsExactly("a", "b");
        assertThat(done.text()).isEqualTo("done");
    }

    @Test
    void streamedResponsesAreChunkedAndHeadSendsNoBody() {
        var client = TestClient.of(Apps.app().get("/csv", ctx -> ctx.stream("text/csv", out -> {
            for (int i = 0; i < 3; i++) {
                out.write(("row" + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        })));
        var res = client.get("/csv");
        assertThat(res.text()).isEqualTo("row0\nrow1\nrow2\n");
        assertThat(res.header("Transfer-Encoding")).contains("chunked");
        assertThat(res.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(client.head("/csv").bytes()).isEmpty();
    }

    @Test
    void headersWithCrOrLfAreRefused() {
        var client = TestClient.of(Apps.app()
                .get("/inject", ctx -> ctx.header("X-Name", ctx.query("v").asString()).text("ok"))
                .get("/redirect", ctx -> ctx.redirect(ctx.query("to").asString())));
        var res = client.get("/inject?v=a%0d%0aSet-Cookie:%20evil=1");
        assertThat(res.status()).isEqualTo(500);
        assertThat(res.headers("Set-Cookie")).isEmpty();
        assertThat(res.header("X-Name")).isEmpty();
        var redirect = client.get("/redirect?to=/x%0aSet-Cookie:evil=1");
        assertThat(redirect.status()).isEqualTo(500);
        assertThat(redirect.header("Location")).isEmpty();
        assertThat(client.get("/inject?v=fine").header("X-Name")).contains("fine");
    }

    @Test
    void cookiesSetAndRemoved() {
        var client = TestClient.of(Apps.app()
                .get("/set", ctx -> ctx.cookie(Cookie.of("theme", "dark")).text("set"))
                .get("/read", ctx -> ctx.text(ctx.cookie("theme").asString("none")))
                .get("/clear", ctx -> ctx.removeCookie("theme").text("cleared")));
        assertThat(client.get("/set").header("Set-Cookie")).contains("theme=dark; Path=/; HttpOnly; SameSite=Lax");
        assertThat(client.get("/read").text()).isEqualTo("dark");
        client.get("/clear");
        assertThat(client.cookies()).doesNotContainKey("theme");
        assertThat(client.get("/read").text()).isEqualTo("none");
    }

    @Test
    void secureRequestsGetSecureCookies() throws IOException {
        var client = TestClient.of(Apps.app().get("/set", ctx -> ctx.cookie(Cookie.of("a", "1")).text(ctx.scheme())));
        var res = client.request("GET", "/set").secure().send();
        assertThat(res.text()).isEqualTo("https");
        assertThat(res.header("Set-Cookie").orElseThrow()).contains("; Secure");
    }
}
