package dev.rowan.templates.web;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.HttpException;
import dev.rowan.templates.TemplatesModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Production error pages from the app's templates, through a real server. */
class ErrorPagesTest {
    private static final String LAYOUT = """
            <!doctype html><html><head><title>{% block title %}{% endblock %} · Site</title></head>
            <body><nav>SITE NAV</nav><main>{% block content %}{% endblock %}</main></body></html>""";

    @TempDir
    Path dir;
    App app;
    final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private App start(TemplatesModule templates) {
        app = App.create(Config.of(Map.of("profile", "prod", "secret.key", "s".repeat(40), "allowed.hosts", "127.0.0.1",
                "templates.dir", dir.toString(), "server.max-body-size", "1KB", "server.access-log", "false")));
        app.install(templates);
        app.get("/forbidden", ctx -> {
            throw HttpException.forbidden("Only the owner may see this note.");
        });
        app.get("/bad", ctx -> {
            throw HttpException.badRequest("'page' must be a whole number, got 'two'.");
        });
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal detail");
        });
        app.post("/upload", ctx -> ctx.text("got " + ctx.bodyBytes().length));
        return app.start(0);
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStatusTemplateRendersInTheAppsLayout() throws Exception {
        write("base.html", LAYOUT);
        write("errors/404.html", "{% extends \"base.html\" %}{% block title %}Lost{% endblock %}"
                + "{% block content %}<h1>Nothing here</h1><p>{{ message }}</p><p>{{ status }} {{ title }}</p>{% endblock %}");
        start(TemplatesModule.create());
        var res = get("/missing/%3Cb%3E", "text/html");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).contains("SITE NAV").contains("<title>Lost · Site</title>").contains("<h1>Nothing here</h1>")
                .contains("There is no page at /missing/&lt;b&gt;.").contains("404 Not Found").doesNotContain("<b>");
        // The same error asked for as JSON is JSON.
        var json = get("/missing", "application/json");
        assertThat(json.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json.body()).isEqualTo("{\"error\":\"There is no page at /missing.\",\"status\":404}");
        // Other statuses, without a template of their own, get the built-in page.
        assertThat(get("/forbidden", "text/html").body()).doesNotContain("SITE NAV").contains("403 Forbidden");
    }

    @Test
    void theErrorLayoutFramesEveryStatusWithoutAnyErrorTemplate() throws Exception {
        write("base.html", LAYOUT);
        start(TemplatesModule.create().errorLayout("base.html"));
        assertFramed(get("/bad", "text/html"), 400, "Bad Request", "&#39;page&#39; must be a whole number, got &#39;two&#39;.");
        assertFramed(get("/forbidden", "text/html"), 403, "Forbidden", "Only the owner may see this note.");
        assertFramed(get("/missing", "text/html"), 404, "Not Found", "There is no page at /missing.");
        var boom = get("/boom", "text/html");
        assertFramed(boom, 500, "Internal Server Error", "quote error id");
        assertThat(boom.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException");
        var delete = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/forbidden")).DELETE()
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertFramed(delete, 405, "Method Not Allowed", "this URL accepts GET, HEAD, OPTIONS.");
        // A 413 the server decides from Content-Length alone, before any handler runs, is the app's page too.
        String tooLarge = rawExchange("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nContent-Length: 5000\r\n\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("SITE NAV").contains("413 Content Too Large")
                .contains("The request body of 5000 bytes is larger than the limit of 1024 bytes.");
    }

    @Test
    void anErrorTemplateForEveryStatusIsUsedWhenNoneIsMoreSpecific() throws Exception {
        write("errors/error.html", "<p>Custom {{ status }}: {{ message }}</p>");
        start(TemplatesModule.create());
        assertThat(get("/forbidden", "text/html").body()).isEqualTo("<p>Custom 403: Only the owner may see this note.</p>");
        assertThat(get("/nope", "text/html").body()).isEqualTo("<p>Custom 404: There is no page at /nope.</p>");
    }

    @Test
    void aBrokenErrorTemplateFallsBackToTheBuiltInPage() throws Exception {
        write("errors/404.html", "{% extends \"does-not-exist.html\" %}");
        start(TemplatesModule.create());
        var res = get("/missing", "text/html");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).contains("<h1>404 Not Found</h1>").contains("There is no page at /missing.");
    }

    private static void assertFramed(HttpResponse<String> res, int status, String title, String message) {
        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(res.body()).contains("SITE NAV").contains("<title>" + status + " " + title + " · Site</title>")
                .contains("<h1>" + title + "</h1>").contains(message);
    }

    /** Sends {@code request} as raw bytes and returns everything the server says before closing. */
    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
