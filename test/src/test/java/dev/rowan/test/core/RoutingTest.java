package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.PathConverter;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTest {
    private static App typedApp() {
        return Apps.app()
                .converter("year", PathConverter.of(Year.class, s -> s.matches("\\d{4}") ? Optional.of(Year.parse(s)) : Optional.empty()))
                .get("/int/{id:int}", ctx -> ctx.text("int " + (ctx.pathParam("id").as(Integer.class) + 1)))
                .get("/long/{id:long}", ctx -> ctx.text("long " + (ctx.pathParam("id").asLong() + 1)))
                .get("/uuid/{id:uuid}", ctx -> ctx.text("uuid " + ctx.pathParam("id").as(UUID.class)))
                .get("/slug/{s:slug}", ctx -> ctx.text("slug " + ctx.pathParam("s").asString()))
                .get("/files/{rest:path}", ctx -> ctx.text("path " + ctx.pathParam("rest").asString()))
                .get("/archive/{y:year}", ctx -> ctx.text("year " + ctx.pathParam("y").as(Year.class).plusYears(1)))
                .get("/any/{name}", ctx -> ctx.text("str " + ctx.pathParam("name").asString()));
    }

    @Test
    void typedParametersConvert() {
        var client = TestClient.of(typedApp());
        assertThat(client.get("/int/41").text()).isEqualTo("int 42");
        assertThat(client.get("/long/9000000000").text()).isEqualTo("long 9000000001");
        UUID id = UUID.randomUUID();
        assertThat(client.get("/uuid/" + id).text()).isEqualTo("uuid " + id);
        assertThat(client.get("/slug/hello-world_2").text()).isEqualTo("slug hello-world_2");
        assertThat(client.get("/files/css/site/main.css").text()).isEqualTo("path css/site/main.css");
        assertThat(client.get("/archive/2024").text()).isEqualTo("year 2025");
        assertThat(client.get("/any/caf%C3%A9").text()).isEqualTo("str café");
    }

    @Test
    void aSegmentTheTypeRejectsIsA404() {
        var client = TestClient.of(typedApp());
        assertThat(client.get("/int/abc").status()).isEqualTo(404);
        assertThat(client.get("/int/-1").status()).isEqualTo(404);
        assertThat(client.get("/int/99999999999").status()).isEqualTo(404);
        assertThat(client.get("/long/1.5").status()).isEqualTo(404);
        assertThat(client.get("/uuid/not-a-uuid").status()).isEqualTo(404);
        assertThat(client.get("/slug/has%20space").status()).isEqualTo(404);
        assertThat(client.get("/archive/24").status()).isEqualTo(404);
        assertThat(client.get("/nothing/here").status()).isEqualTo(404);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var client = TestClient.of(Apps.app().get("/items", ctx -> ctx.text("list")).post("/items", ctx -> ctx.text("made")));
        var res = client.delete("/items");
        assertThat(res.status()).isEqualTo(405);
        assertThat(res.header("Allow")).contains("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void headRunsGetWithoutBodyAndSameLength() {
        var client = TestClient.of(Apps.app().get("/hello", ctx -> ctx.text("Hello, Rowan")));
        var get = client.get("/hello");
        var head = client.head("/hello");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.header("Content-Length")).contains("12").isEqualTo(get.header("Content-Length"));
        assertThat(head.contentType()).isEqualTo(get.contentType());
    }

    @Test
    void optionsListsTheMethods() {
        var client = TestClient.of(Apps.app().get("/items", ctx -> ctx.text("list")).put("/items", ctx -> ctx.text("put")));
        var res = client.options("/items");
        assertThat(res.status()).isEqualTo(204);
        assertThat(res.header("Allow")).contains("GET, HEAD, OPTIONS, PUT");
        assertThat(client.options("/missing").status()).isEqualTo(404);
    }

    @Test
    void missingTrailingSlashRedirectsWith308KeepingTheQuery() {
        var client = TestClient.of(Apps.app().get("/polls/{id:int}/", ctx -> ctx.text("poll " + ctx.pathParam("id").asInt())));
        var res = client.get("/polls/5?x=1");
        assertThat(res.status()).isEqualTo(308);
        assertThat(res.redirectLocation()).contains("/polls/5/?x=1");
        assertThat(client.followRedirects(true).get("/polls/5").text()).isEqualTo("poll 5");
        // No redirect the other way: a slash that the route does not have is a 404.
        var noSlash = TestClient.of(Apps.app().get("/about", ctx -> ctx.text("about")));
        assertThat(noSlash.get("/about/").status()).isEqualTo(404);
    }

    private static App pollsApp() {
        return Apps.app().group("/polls", "polls", polls -> {
            polls.get("/", ctx -> ctx.text("index"), "index");
            polls.get("/{id:int}/", ctx -> ctx.text("detail " + ctx.pathParam("id").asInt() + " " + ctx.url("polls:results", 7)), "detail");
            polls.group("/{id:int}/results", "", results -> results.get("/", ctx -> ctx.text("results"), "results"));
            polls.group("/admin", "admin", admin -> admin.get("/", ctx -> ctx.text("admin"), "home"));
        }).get("/", ctx -> ctx.text("home"), "home");
    }

    @Test
    void groupsAddPrefixesAndNamespaces() {
        App app = pollsApp();
        var client = TestClient.of(app);
        assertThat(client.get("/polls/").text()).isEqualTo("index");
        assertThat(client.get("/polls/3/").text()).isEqualTo("detail 3 /polls/7/results/");
        assertThat(client.get("/polls/3/results/").text()).isEqualTo("results");
        assertThat(client.get("/polls/admin/").text()).isEqualTo("admin");
        assertThat(app.url("polls:detail", 5)).isEqualTo("/polls/5/");
        assertThat(app.url("polls:index")).isEqualTo("/polls/");
        assertThat(app.url("polls:admin:home")).isEqualTo("/polls/admin/");
        assertThat(app.url("home")).isEqualTo("/");
        assertThat(app.url("polls:detail", java.util.Map.of("id", 9))).isEqualTo("/polls/9/");
    }

    @Test
    void reverseWithWrongArgumentsExplains() {
        App app = pollsApp();
        assertThatThrownBy(() -> app.url("polls:detail")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'polls:detail'").hasMessageContaining("takes 1 argument(s) [id], got 0");
        assertThatThrownBy(() -> app.url("polls:detail", "abc")).hasMessageContaining("'abc' is not a valid id");
        assertThatThrownBy(() -> app.url("polls:nope")).hasMessageContaining("No route is named 'polls:nope'").hasMessageContaining("polls:detail");
    }

    @Test
    void reverseEncodesSegments() {
        App app = Apps.app().get("/tag/{name}/", ctx -> ctx.text(ctx.pathParam("name").asString()), "tag");
        assertThat(app.url("tag", "a b/c")).isEqualTo("/tag/a%20b%2Fc/");
        assertThat(TestClient.of(app).get("/tag/a%20b/").text()).isEqualTo("a b");
    }

    @Test
    void encodedSlashInThePathIsRefused() {
        var client = TestClient.of(Apps.app().get("/any/{name}", ctx -> ctx.text(ctx.pathParam("name").asString())));
        assertThat(client.get("/any/a%2Fb").status()).isEqualTo(400);
    }

    @Test
    void addingARouteAfterTheAppStartedExplainsSetupThenServe() {
        App app = Apps.app().get("/", ctx -> ctx.text("hi"));
        TestClient.of(app).get("/");
        assertThatThrownBy(() -> app.get("/late", ctx -> ctx.text("late"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot add the route GET /late").hasMessageContaining("setup, then serve");
        assertThatThrownBy(() -> app.use((ctx, next) -> next.proceed())).hasMessageContaining("Cannot add middleware");
        assertThatThrownBy(() -> app.group("/g", g -> g.get("/", ctx -> ctx.text("")))).hasMessageContaining("route group '/g'");
    }

    @Test
    void duplicateRoutesAndUnknownTypesFailAtSetup() {
        assertThatThrownBy(() -> Apps.app().get("/x/{id:number}", ctx -> ctx.text(""))).hasMessageContaining("Unknown path type 'number'")
                .hasMessageContaining("app.converter(\"number\"");
        App dup = Apps.app().get("/x", ctx -> ctx.text("a")).get("/x", ctx -> ctx.text("b"));
        assertThatThrownBy(() -> TestClient.of(dup).get("/x")).hasMessageContaining("Two handlers for GET /x");
    }
}
