package dev.rowan.templates.web;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Context;
import dev.rowan.core.Session;
import dev.rowan.core.TrustedHtml;
import dev.rowan.core.spi.CsrfTokens;
import dev.rowan.templates.TemplateException;
import dev.rowan.templates.TemplatesConfig;
import dev.rowan.templates.TemplatesModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ctx.render through a real server: the web helpers, module templates, errors on the debug page. */
class WebTemplatesTest {
    @TempDir
    Path dir;
    App app;
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private App app(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("templates.dir", dir.toString());
        app = App.create(Config.of(all));
        app.install(TemplatesModule.create());
        return app;
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Serves {@code name} (with {@code source}) at / with the given debug setting; the answer must be a 500. */
    private HttpResponse<String> failingRender(String debug, String name, String source) throws Exception {
        write(name, source);
        app(Map.of("debug", debug)).get("/", ctx -> ctx.render(name, Map.of()));
        app.start(0);
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(500);
        return r;
    }

    @Test
    void rendersFromTheConfiguredFolderWithEscaping() throws Exception {
        write("polls/index.html", "<h1>{{ title }}</h1>");
        app(Map.of()).get("/", ctx -> ctx.render("polls/index.html", Map.of("title", "Polls <&>")));
        app.start(0);
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).isEqualTo("<h1>Polls &lt;&amp;&gt;</h1>");
    }

    @Test
    void urlStaticAndRequestHelpers() throws Exception {
        write("a.html", "{{ url('polls:detail', 5) }} {{ url('home') }} {{ static('css/site.css') }} {{ request.path }}");
        app(Map.of()).get("/", ctx -> ctx.text("home"), "home")
                .group("/polls", "polls", g -> g.get("/{id:int}/", ctx -> ctx.text("d"), "detail"))
                .get("/page", ctx -> ctx.render("a.html", Map.of()));
        app.start(0);
        assertThat(get("/page").body()).isEqualTo("/polls/5/ / /static/css/site.css /page");
    }

    @Test
    void staticIsFingerprintedWhenStaticFilesIsInstalled() throws Exception {
        Path assets = Files.createDirectories(dir.resolve("assets/css"));
        Files.writeString(assets.resolve("site.css"), "body{}");
        write("s.html", "{{ static('css/site.css') }}");
        app(Map.of()).install(dev.rowan.core.StaticFiles.folder(dir.resolve("assets")))
                .get("/", ctx -> ctx.render("s.html", Map.of()));
        app.start(0);
        String url = get("/").body();
        assertThat(url).matches("/static/css/site\\.[0-9a-f]+\\.css");
        assertThat(get(url).body()).isEqualTo("body{}");
    }

    @Test
    void flashMessagesShowOnceAndOnlyWhenATemplateReadsThem() throws Exception {
        write("list.html", "{% for m in messages %}[{{ m.level }}: {{ m.message }}]{% endfor %}");
        write("plain.html", "nothing here");
        app(Map.of()).get("/flash", ctx -> {
            ctx.session().flash(Session.Flash.Level.SUCCESS, "Saved <b>");
            ctx.text("ok");
        }).get("/plain", ctx -> ctx.render("plain.html", Map.of()))
                .get("/list", ctx -> ctx.render("list.html", Map.of()));
        app.start(0);
        get("/flash");
        assertThat(get("/plain").body()).isEqualTo("nothing here");
        assertThat(get("/list").body()).isEqualTo("[SUCCESS: Saved &lt;b&gt;]");
        assertThat(get("/list").body()).isEmpty();
    }

    @Test
    void csrfHelpersUseTheRegisteredTokenSource() throws Exception {
        write("f.html", "{{ csrf_input() }}|{{ csrf_token() }}");
        app(Map.of()).register(CsrfTokens.class, new CsrfTokens() {
            @Override
            public String token(Context ctx) {
                return "tok\"en";
            }

            @Override
            public String fieldName() {
                return "_csrf";
            }
        }).get("/", ctx -> ctx.render("f.html", Map.of()));
        app.start(0);
        assertThat(get("/").body()).isEqualTo("<input type=\"hidden\" name=\"_csrf\" value=\"tok&quot;en\">|tok&quot;en");
    }

    @Test
    void csrfHelpersWithoutProtectionSayWhatToInstall() throws Exception {
        HttpResponse<String> r = failingRender("true", "f.html", "{{ csrf_input() }}");
        assertThat(r.body()).contains("templates.E011").contains("CsrfProtection.create()");
    }

    @Test
    void trustedHtmlFromTheCoreIsNotEscapedAgain() throws Exception {
        write("t.html", "{{ widget }} {{ text }}");
        app(Map.of()).get("/", ctx -> ctx.render("t.html", Map.of("widget", TrustedHtml.of("<input name=\"a\">"),
                "text", "<input>")));
        app.start(0);
        assertThat(get("/").body()).isEqualTo("<input name=\"a\"> &lt;input&gt;");
    }

    @Test
    void modulesInstalledAfterTemplatesStillAddTemplatesAndProcessors() throws Exception {
        app(Map.of());
        // A module installed later: its classpath templates/ (admin/base.html in test resources) and a user hook.
        app.install(a -> TemplatesConfig.of(a)
                .moduleTemplates("admin", WebTemplatesTest.class.getClassLoader())
                .contextProcessor(scope -> Map.of("user", "ada")));
        write("who.html", "{{ user }}");
        app.get("/who", ctx -> ctx.render("who.html", Map.of()))
                .get("/admin", ctx -> ctx.render("admin/base.html", Map.of()));
        app.start(0);
        assertThat(get("/who").body()).isEqualTo("ada");
        assertThat(get("/admin").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> TemplatesConfig.of(app).global("late", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("templates.E010");
    }

    @Test
    void appTemplateOverridesAModuleTemplateOfTheSameName() throws Exception {
        write("admin/base.html", "mine");
        app(Map.of()).install(a -> TemplatesConfig.of(a).moduleTemplates("admin", WebTemplatesTest.class.getClassLoader()));
        app.get("/", ctx -> ctx.render("admin/base.html", Map.of()));
        app.start(0);
        assertThat(get("/").body()).isEqualTo("mine");
    }

    @Test
    void syntaxErrorsShowNameLineAndSnippetOnTheDebugPage() throws Exception {
        HttpResponse<String> r = failingRender("true", "broken.html", "line one\n{% if %}\nline three");
        assertThat(r.body()).contains("<b>broken.html</b>, line 2").contains("&gt; 2 | {% if %}");
    }

    @Test
    void templateErrorsStayTemplateExceptionsForHandlers() throws Exception {
        write("broken.html", "{% if %}");
        List<Throwable> seen = new java.util.ArrayList<>();
        app(Map.of()).get("/", ctx -> {
            try {
                ctx.render("broken.html", Map.of());
            } catch (TemplateException e) {
                seen.add(e);
                ctx.status(500).text(e.id() + " line " + e.line());
            }
        });
        app.start(0);
        assertThat(get("/").body()).isEqualTo("templates.E001 line 1");
        assertThat(seen.get(0)).isInstanceOf(dev.rowan.core.spi.SourceSnippet.class);
    }

    @Test
    void productionHidesTemplateDetails() throws Exception {
        HttpResponse<String> r = failingRender("false", "broken.html", "{% if %}");
        assertThat(r.body()).doesNotContain("broken.html");
    }
}
