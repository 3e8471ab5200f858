package dev.rowan.forms;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.templates.TemplatesModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every accept and reject case of CSRF protection, through real sockets. */
class CsrfTest {
    @TempDir
    Path dir;
    App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private Browser start(Map<String, String> settings, CsrfProtection csrf) throws IOException {
        Files.writeString(dir.resolve("form.html"), "<form method=post>{{ csrf_input() }}</form>");
        Map<String, String> all = new HashMap<>(Map.of("templates.dir", dir.toString(), "debug", "true"));
        all.putAll(settings);
        app = App.create(Config.of(all));
        app.install(TemplatesModule.create()).install(csrf);
        app.get("/form", ctx -> ctx.render("form.html", Map.of()))
                .get("/token", ctx -> ctx.text(Csrf.token(ctx)))
                .post("/form", ctx -> ctx.text("accepted"))
                .put("/form", ctx -> ctx.text("accepted"))
                .delete("/form", ctx -> ctx.text("accepted"))
                .patch("/form", ctx -> ctx.text("accepted"))
                .post("/api/hook", ctx -> ctx.text("hooked"))
                .post("/exempt", Csrf.exempt(ctx -> ctx.text("exempt")))
                .post("/login", ctx -> {
                    Csrf.rotate(ctx);
                    ctx.text("rotated");
                });
        app.start(0);
        return new Browser(app);
    }

    private Browser start() throws IOException {
        return start(Map.of(), CsrfProtection.create());
    }

    // ---------------------------------------------------------------- accepted

    @Test
    void sameOriginFormTokenIsAccepted() throws Exception {
        Browser b = start();
        String token = b.get("/form").token();
        assertThat(token).hasSize(64);
        assertThat(b.cookies).containsKey("rowan_csrf");
        var r = b.post("/form", Map.of("_csrf", token), "Origin", b.origin());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("accepted");
    }

    @Test
    void formTokenWithoutOriginOnPlainHttpIsAccepted() throws Exception {
        Browser b = start();
        String token = b.get("/form").token();
        assertThat(b.post("/form", Map.of("_csrf", token)).status()).isEqualTo(200);
    }

    @Test
    void headerTokenIsAcceptedForEveryUnsafeMethod() throws Exception {
        Browser b = start();
        String token = b.get("/token").body();
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            var r = b.send(method, "/form", "{}", "application/json", "X-CSRFToken", token, "Origin", b.origin());
            assertThat(r.status()).as(method).isEqualTo(200);
        }
    }

    @Test
    void eachRenderMasksTheSameSecretDifferently() throws Exception {
        Browser b = start();
        String first = b.get("/form").token();
        String second = b.get("/form").token();
        assertThat(first).isNotEqualTo(second);
        assertThat(b.post("/form", Map.of("_csrf", first)).status()).isEqualTo(200);
        assertThat(b.post("/form", Map.of("_csrf", second)).status()).isEqualTo(200);
    }

    @Test
    void trustedOriginIsAccepted() throws Exception {
        Browser b = start(Map.of("csrf.trusted-origins", "https://*.example.com"),
                CsrfProtection.create().trustedOrigins("https://shop.example.org"));
        String token = b.get("/form").token();
        assertThat(b.post("/form", Map.of("_csrf", token), "Origin", "https://shop.example.org").status()).isEqualTo(200);
        assertThat(b.post("/form", Map.of("_csrf", token), "Origin", "https://a.example.com").status()).isEqualTo(200);
        assertThat(b.post("/form", Map.of("_csrf", token), "Origin", "https://example.com.evil.net").status()).isEqualTo(403);
        assertThat(b.post("/form", Map.of("_csrf", token), "Origin", "http://a.example.com").status()).isEqualTo(403);
    }

    @Test
    void httpsWithSameOriginRefererIsAccepted() throws Exception {
        Browser b = start(Map.of("server.trust-proxy", "true"), CsrfProtection.create());
        String token = b.get("/form", "X-Forwarded-Proto", "https").token();
        var r = b.post("/form", Map.of("_csrf", token), "X-Forwarded-Proto", "https",
                "Referer", "https://127.0.0.1:" + app.port() + "/form");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void exemptHandlersAndPathsSkipTheCheck() throws Exception {
        Browser b = start(Map.of(), CsrfProtection.create().exemptPaths("/api/"));
        assertThat(b.post("/exempt", Map.of(), "Origin", "https://evil.example").body()).isEqualTo("exempt");
        assertThat(b.post("/api/hook", Map.of()).body()).isEqualTo("hooked");
    }

    @Test
    void aPathNoRouteHandlesGetsItsHonest404NotA403() throws Exception {
        Browser b = start();
        assertThat(b.post("/no-such-page", Map.of()).status()).isEqualTo(404);
        // A routed path still needs the token.
        assertThat(b.post("/form", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void safeMethodsNeedNoToken() throws Exception {
        Browser b = start();
        assertThat(b.get("/token", "Origin", "https://evil.example").status()).isEqualTo(200);
    }

    @Test
    void theSecretCanLiveInTheSession() throws Exception {
        Browser b = start(Map.of("csrf.use-session", "true"), CsrfProtection.create());
        String token = b.get("/form").token();
        assertThat(b.cookies).doesNotContainKey("rowan_csrf").containsKey("rowan_session");
        assertThat(b.post("/form", Map.of("_csrf", token)).status()).isEqualTo(200);
        assertThat(b.post("/form", Map.of("_csrf", "x".repeat(64))).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- rejected

    private static void assertRejected(Browser.Response r, String id) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains(id);
    }

    @Test
    void tokenFromAnotherSessionIsRejected() throws Exception {
        Browser mine = start();
        mine.get("/form");
        Browser attacker = new Browser(app);
        String foreign = attacker.get("/form").token();
        assertRejected(mine.post("/form", Map.of("_csrf", foreign)), "csrf.E010");
    }

    @Test
    void tokenOfWrongLengthIsRejected() throws Exception {
        Browser b = start();
        String token = b.get("/form").token();
        assertRejected(b.post("/form", Map.of("_csrf", token.substring(1))), "csrf.E008");
        assertRejected(b.post("/form", Map.of("_csrf", token + "a")), "csrf.E008");
    }

    @Test
    void tokenWithForeignCharactersIsRejected() throws Exception {
        Browser b = start();
        String token = b.get("/form").token();
        assertRejected(b.post("/form", Map.of("_csrf", "-" + token.substring(1))), "csrf.E009");
    }

    @Test
    void foreignOriginIsRejectedEvenWithAValidToken() throws Exception {
        Browser b = start();
        String token = b.get("/form").token();
        assertRejected(b.post("/form", Map.of("_csrf", token), "Origin", "https://evil.example"), "csrf.E001");
        assertRejected(b.post("/form", Map.of("_csrf", token), "Origin", "null"), "csrf.E001");
    }

    @Test
    void missingRefererOnHttpsIsRejected() throws Exception {
        Browser b = start(Map.of("server.trust-proxy", "true"), CsrfProtection.create());
        String token = b.get("/form", "X-Forwarded-Proto", "https").token();
        assertRejected(b.post("/form", Map.of("_csrf", token), "X-Forwarded-Proto", "https"), "csrf.E002");
    }

    @Test
    void foreignOrInsecureRefererOnHttpsIsRejected() throws Exception {
        Browser b = start(Map.of("server.trust-proxy", "true"), CsrfProtection.create());
        String token = b.get("/form", "X-Forwarded-Proto", "https").token();
        assertRejected(b.post("/form", Map.of("_csrf", token), "X-Forwarded-Proto", "https",
                "Referer", "https://evil.example/form"), "csrf.E005");
        assertRejected(b.post("/form", Map.of("_csrf", token), "X-Forwarded-Proto", "https",
                "Referer", "http://127.0.0.1:" + app.port() + "/form"), "csrf.E004");
    }

    @Test
    void tokenInTheQueryStringIsRejected() throws Exception {
        Browser b = start();
        String token = b.get("/form").token();
        assertRejected(b.send("POST", "/form?_csrf=" + token, "", "application/x-www-form-urlencoded"), "csrf.E007");
    }

    @Test
    void putAndDeleteWithoutTokenAreRejected() throws Exception {
        Browser b = start();
        b.get("/form");
        assertRejected(b.send("PUT", "/form", "a=1", "application/x-www-form-urlencoded"), "csrf.E007");
        assertRejected(b.send("DELETE", "/form", "", ""), "csrf.E007");
        assertRejected(b.send("PATCH", "/form", "", ""), "csrf.E007");
    }

    @Test
    void postWithoutTheSecretCookieIsRejected() throws Exception {
        Browser b = start();
        String token = b.get("/form").token();
        b.cookies.clear();
        assertRejected(b.post("/form", Map.of("_csrf", token)), "csrf.E006");
    }

    @Test
    void rotationInvalidatesEarlierTokens() throws Exception {
        Browser b = start();
        String before = b.get("/form").token();
        assertThat(b.post("/login", Map.of("_csrf", before)).body()).isEqualTo("rotated");
        assertRejected(b.post("/form", Map.of("_csrf", before)), "csrf.E010");
        String after = b.get("/form").token();
        assertThat(b.post("/form", Map.of("_csrf", after)).status()).isEqualTo(200);
    }

    @Test
    void productionGivesAShortGenericMessage() throws Exception {
        Browser b = start(Map.of("debug", "false"), CsrfProtection.create());
        var r = b.post("/form", Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF verification failed").doesNotContain("csrf.E0").doesNotContain("cookie");
    }

    @Test
    void theSecretCookieIsSetWhenATokenIsRenderedAndVaryIsSent() throws Exception {
        Browser b = start();
        var r = b.get("/form");
        String set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rowan_csrf=")).findFirst()
                .orElseThrow();
        assertThat(set).contains("SameSite=Lax").contains("Max-Age=31536000");
        assertThat(r.headers().allValues("Vary")).anyMatch(v -> v.contains("Cookie"));
    }
}
