package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.HttpException;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MiddlewareAndErrorsTest {

    @Test
    void aGroupCanAnswerItsOwnErrorsWhileTheRestKeepTheAppDefaults() {
        App app = Apps.app()
                .exception(IllegalStateException.class, (e, ctx) -> ctx.status(500).text("app handled " + e.getMessage()))
                .get("/page", ctx -> {
                    throw HttpException.notFound("no page");
                })
                .group("/api", api -> api
                        .exception(HttpException.class, (e, ctx) -> ctx.status(e.status()).text("{\"error\":\"" + e.getMessage() + "\"}"))
                        .get("/items/{id:int}", ctx -> {
                            throw HttpException.notFound("no item " + ctx.pathParam("id").asInt());
                        })
                        .get("/count", ctx -> ctx.text("n=" + ctx.query("n").asInt()))
                        .get("/broken", ctx -> {
                            throw new IllegalStateException("broken");
                        })
                        .group("/v2", v2 -> v2
                                .exception(HttpException.class, (e, ctx) -> ctx.status(e.status()).text("v2: " + e.getMessage()))
                                .get("/items/{id:int}", ctx -> {
                                    throw HttpException.notFound("gone");
                                })));
        var client = TestClient.of(app);

        var item = client.get("/api/items/7");
        assertThat(item.status()).isEqualTo(404);
        assertThat(item.text()).isEqualTo("{\"error\":\"no item 7\"}");
        // Rowan's own 400 for a bad typed value is an HttpException too.
        var count = client.get("/api/count?n=many");
        assertThat(count.status()).isEqualTo(400);
        assertThat(count.text()).startsWith("{\"error\":");
        // Other types go on to the app's handlers; the innermost group's handler wins.
        assertThat(client.get("/api/broken").text()).isEqualTo("app handled broken");
        assertThat(client.get("/api/v2/items/1").text()).isEqualTo("v2: gone");
        // Outside the group, and for paths no route matches, the app's defaults answer.
        var page = client.get("/page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).doesNotStartWith("{\"error\"");
        assertThat(client.get("/api/nothing").text()).doesNotStartWith("{\"error\"");
    }

    @Test
    void middlewareRunsOutsideInThenInsideOut() {
        List<String> log = new ArrayList<>();
        App app = Apps.app()
                .use((ctx, next) -> {
                    log.add("outer in");
                    next.proceed();
                    log.add("outer out");
                })
                .before(ctx -> log.add("before"))
                .after(ctx -> log.add("after"))
                .group("/api", api -> {
                    api.use((ctx, next) -> {
                        log.add("group in");
                        next.proceed();
                        log.add("group out");
                    });
                    api.get("/x", ctx -> {
                        log.add("handler");
                        ctx.text("x");
                    });
                })
                .get("/plain", ctx -> log.add("plain"));
        var client = TestClient.of(app);
        client.get("/api/x");
        assertThat(log).containsExactly("outer in", "before", "group in", "handler", "group out", "after", "outer out");
        log.clear();
        client.get("/plain");
        assertThat(log).containsExactly("outer in", "before", "plain", "after", "outer out");
    }

    @Test
    void middlewareMayAnswerWithoutCallingNext() {
        App app = Apps.app()
                .use((ctx, next) -> {
                    if (ctx.header("X-Token").value().isEmpty()) {
                        ctx.status(401).text("no token");
                        return;
                    }
                    next.proceed();
                })
                .get("/", ctx -> ctx.text("secret"));
        var client = TestClient.of(app);
        assertThat(client.get("/").status()).isEqualTo(401);
        assertThat(client.request("GET", "/").header("X-Token", "t").send().text()).isEqualTo("secret");
    }

    @Test
    void afterDoesNotRunWhenTheHandlerThrows() {
        List<String> log = new ArrayList<>();
        App app = Apps.app().after(ctx -> log.add("after")).get("/", ctx -> {
            throw HttpException.forbidden("no");
        });
        assertThat(TestClient.of(app).get("/").status()).isEqualTo(403);
        assertThat(log).isEmpty();
    }

    static class AppError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AppError(String m) {
            super(m);
        }
    }

    static class NotFoundError extends AppError {
        private static final long serialVersionUID = 1L;

        NotFoundError(String m) {
            super(m);
        }
    }

    @Test
    void theMostSpecificExceptionHandlerWins() {
        App app = Apps.app()
                .exception(RuntimeException.class, (e, ctx) -> ctx.status(500).text("runtime: " + e.getMessage()))
                .exception(AppError.class, (e, ctx) -> ctx.status(409).text("app: " + e.getMessage()))
                .exception(NotFoundError.class, (e, ctx) -> ctx.status(404).text("missing: " + e.getMessage()))
                .get("/app", ctx -> {
                    throw new AppError("a");
                })
                .get("/nf", ctx -> {
                    throw new NotFoundError("b");
                })
                .get("/npe", ctx -> {
                    throw new IllegalStateException("c");
                });
        var client = TestClient.of(app);
        var app1 = client.get("/app");
        assertThat(app1.status()).isEqualTo(409);
        assertThat(app1.text()).isEqualTo("app: a");
        assertThat(client.get("/nf").text()).isEqualTo("missing: b");
        assertThat(client.get("/nf").status()).isEqualTo(404);
        assertThat(client.get("/npe").text()).isEqualTo("runtime: c");
    }

    static class Locked extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void anExceptionHandlerThatThrowsAnHttpExceptionAnswersWithTheAppsErrorPage() {
        App app = Apps.app()
                .error(403, ctx -> ctx.html("<h1>Our own 403</h1>"))
                .exception(Locked.class, (e, ctx) -> {
                    throw HttpException.forbidden("This account is locked.").withHeader("X-Reason", "locked");
                })
                .get("/account", ctx -> {
                    throw new Locked();
                });
        var client = TestClient.of(app);
        var page = client.get("/account");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).isEqualTo("<h1>Our own 403</h1>");
        assertThat(page.header("X-Reason")).contains("locked");
        App plain = Apps.app()
                .exception(Locked.class, (e, ctx) -> {
                    throw HttpException.forbidden("This account is locked.");
                })
                .get("/account", ctx -> {
                    throw new Locked();
                });
        var json = TestClient.of(plain).request("GET", "/account").header("Accept", "application/json").send();
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.text()).isEqualTo("{\"error\":\"This account is locked.\",\"status\":403}");
    }

    @Test
    void customErrorPagesRenderForTheirStatus() {
        App app = Apps.app()
                .error(404, ctx -> ctx.html("<h1>Nothing at " + ctx.path() + "</h1>"))
                .get("/gone", ctx -> {
                    throw HttpException.notFound("gone");
                });
        var client = TestClient.of(app);
        var res = client.get("/missing");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.text()).isEqualTo("<h1>Nothing at /missing</h1>");
        assertThat(res.header("X-Frame-Options")).contains("DENY");
        assertThat(client.get("/gone").text()).isEqualTo("<h1>Nothing at /gone</h1>");
    }

    @Test
    void productionErrorPageHasNoStackTraceButAnErrorId() {
        App app = Apps.prod().get("/boom", ctx -> {
            throw new IllegalStateException("secret internals <b>");
        });
        var res = TestClient.of(app).host("example.com").get("/boom");
        assertThat(res.status()).isEqualTo(500);
        assertThat(res.text()).doesNotContain("secret internals").doesNotContain("IllegalStateException").doesNotContain("at dev.rowan")
                .containsPattern("quote error id [A-Za-z0-9-]+");
        assertThat(res.header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void debugPageShowsTheExceptionAndRequestDataEscaped() {
        App app = Apps.app("debug", "true").get("/boom", ctx -> {
            throw new IllegalStateException("bad <script>alert(1)</script>");
        });
        var res = TestClient.of(app).request("GET", "/boom?q=%3Cimg%20src=x%3E").header("X-Evil", "<svg onload=x>")
                .cookie("session", "s3cret").accept("text/html").send();
        assertThat(res.status()).isEqualTo(500);
        assertThat(res.text()).contains("java.lang.IllegalStateException").contains("bad &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("MiddlewareAndErrorsTest").contains("&lt;img src=x&gt;").contains("&lt;svg onload=x&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x>").doesNotContain("<svg onload");
        // The source excerpt shows this test's own lines, the secret among them; the request data must not.
        assertThat(requestSection(res.text())).doesNotContain("s3cret");
    }

    // ---------------------------------------------------------------- API routes answer every error in JSON

    private static App apiApp(String... settings) {
        return Apps.prod(settings)
                .get("/page", ctx -> ctx.text("page"))
                .group("/api", "api", api -> api.api()
                        .get("/items/{id:int}", ctx -> {
                            throw HttpException.notFound("There is no item " + ctx.pathParam("id").asInt() + ".");
                        })
                        .post("/items", ctx -> ctx.text(ctx.bodyString()))
                        .get("/broken", ctx -> {
                            throw new IllegalStateException("secret internals");
                        }));
    }

    @Test
    void everyErrorUnderAnApiPrefixIsJsonWhateverTheClientAccepts() {
        var client = TestClient.of(apiApp()).host("example.com");
        assertJsonError(client.request("GET", "/api/items/7").accept("text/html").send(), 404, "There is no item 7.");
        assertJsonError(client.request("GET", "/api/nothing/here").accept("text/html").send(), 404, "There is no page at /api/nothing/here.");
        assertJsonError(client.request("DELETE", "/api/items/7").accept("text/html").send(), 405, "Method not allowed; this URL accepts GET, HEAD, OPTIONS.");
        var broken = client.request("GET", "/api/broken").accept("text/html").send();
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.json()).containsOnlyKeys("error", "status");
        assertThat(broken.text()).doesNotContain("secret internals").contains("quote error id");
        // Outside the prefix, and on a path that only shares its first letters, the usual HTML page.
        assertThat(client.request("GET", "/apiary").accept("text/html").send().contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(client.request("GET", "/missing").accept("text/html").send().text()).startsWith("<!doctype html>");
    }

    @Test
    void undecodablePathsUnderAnApiPrefixAreJsonToo() {
        var client = TestClient.of(apiApp()).host("example.com");
        for (String path : List.of("/api/items/%00", "/api/items/a%2fb", "/api/items/%C3")) {
            assertJsonError(client.request("GET", path).accept("text/html").send(), 400,
                    "The URL path has a malformed or forbidden percent-escape (%2F, %00 or invalid UTF-8).");
        }
        // A target outside RFC 3986's syntax is refused the same way, with what is wrong in it.
        assertJsonError(client.request("GET", "/api/items/%zz").accept("text/html").send(), 400,
                "The request target has a '%' that is not followed by two hex digits ('%zz'); a literal '%' is sent as %25.");
        // Elsewhere the app's page answers, not the engine's plain text.
        var page = client.request("GET", "/files/%00").accept("text/html").send();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).startsWith("<!doctype html>").contains("400 Bad Request");
    }

    @Test
    void aBodyOverTheLimitUnderAnApiPrefixIsJson() {
        var client = TestClient.of(apiApp("server.max-body-size", "16B")).host("example.com");
        var res = client.request("POST", "/api/items").body("x".repeat(17)).send();
        assertJsonError(res, 413, "The request body of 17 bytes is larger than the limit of 16 bytes.");
        assertThat(client.request("POST", "/api/items").body("x".repeat(16)).send().text()).isEqualTo("x".repeat(16));
    }

    @Test
    void theAppItselfCanBeAnApi() {
        App app = Apps.app().api().get("/", ctx -> ctx.text("hi"));
        assertJsonError(TestClient.of(app).request("GET", "/nope").accept("text/html").send(), 404, "There is no page at /nope.");
    }

    @Test
    void jsonErrorsAreValidJsonWhateverTheMessageHolds() {
        String nasty = "quote \" backslash \\ newline \n tab \t nul \u0000 </script> & \u2028 é 😀";
        App app = Apps.app().get("/x", ctx -> {
            throw HttpException.badRequest(nasty);
        });
        var res = TestClient.of(app).request("GET", "/x").accept("application/json").send();
        assertJsonError(res, 400, nasty);
        assertThat(res.text()).doesNotContain("</script>").doesNotContain("\u2028");
    }

    private static void assertJsonError(dev.rowan.test.TestResponse res, int status, String message) {
        assertThat(res.status()).isEqualTo(status);
        assertThat(res.contentType()).contains("application/json");
        assertThat(res.json()).containsOnlyKeys("error", "status").containsEntry("status", status).containsEntry("error", message);
    }

    // ---------------------------------------------------------------- the developer pages

    @Test
    void theDebug404ListsTheRoutesThatExist() {
        App app = Apps.app("debug", "true")
                .get("/", ctx -> ctx.text("home"), "home")
                .group("/polls", "polls", polls -> polls
                        .get("/{id:int}/", ctx -> ctx.text("detail"), "detail")
                        .post("/{id:int}/", ctx -> ctx.text("vote")));
        var res = TestClient.of(app).request("GET", "/pols/1/?x=%3Cb%3E").accept("text/html").send();
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.text()).contains("Page not found (404)").contains("There is no page at /pols/1/.")
                .contains("<tr><td>/</td><td>GET</td><td>home</td></tr>")
                .contains("<tr><td>/polls/{id:int}/</td><td>GET, POST</td><td>polls:detail</td></tr>")
                .contains("?x=%3Cb%3E");
        // What the client sent is escaped: a decoded path that holds markup stays text.
        var markup = TestClient.of(app).request("GET", "/%3Cb%3Ex").accept("text/html").send();
        assertThat(markup.text()).contains("/&lt;b&gt;x").doesNotContain("<b>x");
        // Production never lists routes.
        App prod = Apps.prod().get("/", ctx -> ctx.text("home"), "home");
        assertThat(TestClient.of(prod).host("example.com").request("GET", "/nope").accept("text/html").send().text())
                .doesNotContain("home").contains("404 Not Found");
    }

    @Test
    void theDebugPageShowsTheSourceAroundAppFramesAndMasksSecrets() {
        App app = Apps.app("debug", "true").get("/boom", ctx -> {
            String marker = "the line the debug page shows";
            throw new IllegalStateException(marker.substring(0, 3));
        });
        var res = TestClient.of(app).request("GET", "/boom?page=2&api_token=t0ken").header("Authorization", "Bearer b3arer")
                .header("X-Api-Key", "k3y").accept("text/html").send();
        assertThat(res.status()).isEqualTo(500);
        assertThat(res.text()).contains("String marker = &quot;the line the debug page shows&quot;;")
                .contains("<b>").contains("throw new IllegalStateException(marker.substring(0, 3));")
                .contains("page=2");
        assertThat(requestSection(res.text())).contains("/boom").contains("page=2").contains("********")
                .doesNotContain("t0ken").doesNotContain("b3arer").doesNotContain("k3y");
    }

    private static String requestSection(String page) {
        int at = page.indexOf("<h2>Request</h2>");
        assertThat(at).as("the page has a Request section").isPositive();
        return page.substring(at);
    }
}
