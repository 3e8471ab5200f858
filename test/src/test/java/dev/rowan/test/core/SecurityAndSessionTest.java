package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Cookie;
import dev.rowan.core.Session.Flash;
import dev.rowan.core.Signer;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityAndSessionTest {

    @Test
    void securityHeadersOnEveryResponseIncludingErrors() {
        var client = TestClient.of(Apps.app().get("/", ctx -> ctx.text("ok")).get("/boom", ctx -> {
            throw new IllegalStateException("x");
        }));
        for (String path : List.of("/", "/missing", "/boom")) {
            var res = client.get(path);
            assertThat(res.header("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(res.header("X-Frame-Options")).as(path).contains("DENY");
            assertThat(res.header("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(res.header("Cross-Origin-Opener-Policy")).as(path).contains("same-origin");
        }
        var own = TestClient.of(Apps.app().get("/", ctx -> ctx.header("X-Frame-Options", "SAMEORIGIN").text("ok")));
        assertThat(own.get("/").headers("X-Frame-Options")).containsExactly("SAMEORIGIN");
    }

    @Test
    void serverHeaderOnlyWhenConfigured() {
        assertThat(TestClient.of(Apps.app().get("/", ctx -> ctx.text("ok"))).get("/").header("Server")).isEmpty();
        var named = TestClient.of(Apps.app("server.header", "rowan").get("/", ctx -> ctx.text("ok"))
                .get("/own", ctx -> ctx.header("Server", "mine").text("ok")));
        assertThat(named.get("/").header("Server")).contains("rowan");
        assertThat(named.get("/missing").header("Server")).contains("rowan");
        assertThat(named.get("/own").headers("Server")).containsExactly("mine");
    }

    @Test
    void productionRefusesForeignHosts() {
        App app = Apps.prod().get("/", ctx -> ctx.text("hi " + ctx.host()));
        var res = TestClient.of(app).host("evil.test").get("/");
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("not in allowed.hosts");
        assertThat(res.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(TestClient.of(app).host("example.com:443").get("/").text()).isEqualTo("hi example.com");
        assertThat(TestClient.of(app).host("a b").get("/").status()).isEqualTo(400);
    }

    @Test
    void hstsOnlyWhenConfiguredAndSecure() {
        App app = Apps.prod("security.hsts", "365d").get("/", ctx -> ctx.text("ok"));
        var client = TestClient.of(app).host("example.com");
        assertThat(client.request("GET", "/").secure().send().header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(client.get("/").header("Strict-Transport-Security")).isEmpty();
        App off = Apps.prod().get("/", ctx -> ctx.text("ok"));
        assertThat(TestClient.of(off).host("example.com").request("GET", "/").secure().send().header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void signerVerifiesWithFallbackKeysAfterRotation() {
        String oldKey = "old-key-0123456789abcdef0123456789";
        String newKey = "new-key-0123456789abcdef0123456789";
        App before = App.create(Config.of(Map.of("secret.key", oldKey)));
        String token = before.signer("reset").sign("user:42");
        App rotated = App.create(Config.of(Map.of("secret.key", newKey, "secret.fallbacks", oldKey)));
        assertThat(rotated.signer("reset").unsign(token)).contains("user:42");
        App forgotten = App.create(Config.of(Map.of("secret.key", newKey)));
        assertThat(forgotten.signer("reset").unsign(token)).isEmpty();
        assertThat(rotated.signer("other-purpose").unsign(token)).isEmpty();
        assertThat(rotated.signer("reset").sign("v")).isEqualTo(Signer.create("reset", newKey, List.of()).sign("v"));
    }

    private static App signedCookieApp() {
        return Apps.app()
                .get("/set", ctx -> ctx.signedCookie(Cookie.of("user", "ada")).signedCookie(Cookie.of("role", "reader")).text("set"))
                .get("/who", ctx -> ctx.text(ctx.signedCookie("user").orElse("nobody")));
    }

    @Test
    void signedCookiesRefuseTamperingAndSwapping() {
        var client = TestClient.of(signedCookieApp());
        client.get("/set");
        assertThat(client.get("/who").text()).isEqualTo("ada");
        String signed = client.cookie("user").orElseThrow();
        assertThat(signed).startsWith("ada.");
        client.setCookie("user", signed.replace("ada.", "eve."));
        assertThat(client.get("/who").text()).isEqualTo("nobody");
        // A value signed for the cookie "role" does not verify as "user".
        client.setCookie("user", client.cookie("role").orElseThrow());
        assertThat(client.get("/who").text()).isEqualTo("nobody");
    }

    private static App sessionApp() {
        return Apps.app()
                .post("/login", ctx -> {
                    ctx.session().rotate();
                    ctx.session().put("user", ctx.form("user").asString());
                    ctx.session().flash(Flash.Level.SUCCESS, "Welcome, " + ctx.form("user").asString() + "!");
                    ctx.redirect("/");
                })
                .get("/", ctx -> ctx.text(ctx.session().get("user").orElse("anonymous") + " " + ctx.session().consumeFlashes()))
                .post("/logout", ctx -> {
                    ctx.session().invalidate();
                    ctx.redirect("/");
                });
    }

    @Test
    void sessionAndFlashMessagesSurviveAcrossRequests() {
        var client = TestClient.of(sessionApp()).followRedirects(true);
        var first = client.post("/login", Map.of("user", "ada"));
        assertThat(first.text()).isEqualTo("ada [Flash[level=SUCCESS, message=Welcome, ada!]]");
        assertThat(client.get("/").text()).isEqualTo("ada []");
        client.post("/logout", Map.of());
        assertThat(client.cookies()).doesNotContainKey("rowan_session");
        assertThat(client.get("/").text()).isEqualTo("anonymous []");
    }

    @Test
    void rotateChangesTheCookieAndATamperedSessionIsEmpty() {
        var client = TestClient.of(sessionApp());
        client.post("/login", Map.of("user", "ada"));
        String first = client.cookie("rowan_session").orElseThrow();
        client.post("/login", Map.of("user", "ada"));
        String second = client.cookie("rowan_session").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        client.setCookie("rowan_session", "x" + second);
        assertThat(client.get("/").text()).isEqualTo("anonymous []");
    }

    @Test
    void aSessionFromAnotherSecretKeyIsIgnored() {
        var client = TestClient.of(sessionApp());
        client.post("/login", Map.of("user", "ada"));
        String cookie = client.cookie("rowan_session").orElseThrow();
        App other = App.create(Config.of(Map.of("secret.key", "another-key-0123456789abcdef0123456789"))).get("/", ctx -> ctx.text(ctx.session().get("user").orElse("anonymous")));
        assertThat(TestClient.of(other).setCookie("rowan_session", cookie).get("/").text()).isEqualTo("anonymous");
    }

    /** A server-side store that fails when asked to save, as Redis does when it is down. */
    private record FailingStore(RuntimeException failure) implements dev.rowan.core.spi.SessionStore {
        @Override
        public java.util.Optional<Map<String, String>> load(String cookieValue) {
            return java.util.Optional.empty();
        }

        @Override
        public String save(java.util.Optional<String> previous, Map<String, String> data, boolean rotate, java.time.Duration maxAge) {
            throw failure;
        }

        @Override
        public void delete(String cookieValue) {
        }
    }

    @Test
    void aSessionThatCannotBeSavedAnswersTheStoresErrorNotTheHandlersSuccess() {
        App app = Apps.app().get("/login", ctx -> ctx.session().put("user", "ada")).get("/go", ctx -> {
            ctx.session().put("step", "2");
            ctx.redirect("/next", 303);
        });
        app.register(dev.rowan.core.spi.SessionStore.class,
                new FailingStore(dev.rowan.core.HttpException.of(503, "Sessions are unavailable.").withHeader("Retry-After", "5")));
        var client = TestClient.of(app);

        var r = client.get("/go");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Location")).as("the redirect it replaced is gone").isEmpty();
        assertThat(r.header("Set-Cookie")).isEmpty();
        assertThat(r.header("Retry-After")).contains("5");
        assertThat(r.text()).contains("Sessions are unavailable.");
    }

    @Test
    void aStoreThatFailsWithABugIsA500WithAnErrorId() {
        App app = Apps.app().get("/login", ctx -> ctx.session().put("user", "ada"));
        app.register(dev.rowan.core.spi.SessionStore.class, new FailingStore(new IllegalStateException("store bug")));
        var r = TestClient.of(app).get("/login");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("error id");
    }
}
