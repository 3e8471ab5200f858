package dev.rowan.examples.demo;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole site through a real socket: home page, stylesheet, and every mounted app in the site layout. */
class DemoSiteTest {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static App app;

    @BeforeAll
    static void start() {
        app = DemoSite.create(Config.of(Map.of("mongodb.embedded-file", "memory"))).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void homePageLinksEveryAppAndUsesNoJavaScript() throws Exception {
        var r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/converter/\"").contains("href=\"/csv2xlsx/\"").contains("href=\"/infoboard/\"").contains("href=\"/notes/\"")
                .contains("name=\"viewport\"").contains("Polls").doesNotContainIgnoringCase("<script");
    }

    @Test
    void theStylesheetIsServed() throws Exception {
        Matcher m = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">").matcher(get("/").body());
        assertThat(m.find()).isTrue();
        var css = get(m.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.body()).contains("max-width");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/converter/", "/converter/?value=98.6&from=F&to=C", "/csv2xlsx/", "/infoboard/", "/notes/"})
    void everyAppRendersInTheSiteLayout(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<a class=\"brand\" href=\"/\">Rowan demo</a>").contains("rel=\"stylesheet\"")
                .contains("href=\"/notes/\">Notes</a>").doesNotContainIgnoringCase("<script");
    }

    @Test
    void theConverterApiAnswersJson() throws Exception {
        assertThat(get("/converter/api/convert?value=98.6&from=F&to=C").body())
                .isEqualTo("{\"value\":98.6,\"from\":\"F\",\"to\":\"C\",\"result\":37.0}");
    }

    @Test
    void theInfoboardShowsLabelledSampleDataOffline() throws Exception {
        assertThat(get("/infoboard/").body()).contains("Sample data from the built-in demo service");
    }

    @Test
    void uploadsUpTo200MbAreAllowed() throws Exception {
        assertThat(get("/csv2xlsx/").body()).contains("Files up to 200 MB");
    }

    @Test
    void notesSurviveARestartOfTheDemoOnItsEmbeddedDefault(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Config config = Config.of(Map.of("mongodb.embedded-file", dir.resolve("notes.mv").toString()));
        App first = DemoSite.create(config).start(0);
        try {
            var created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port() + "/notes/api/notes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Remember the milk\",\"body\":\"2 litres\",\"tags\":[\"home\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
        } finally {
            first.stop();
        }
        App second = DemoSite.create(config).start(0);
        try {
            var list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + "/notes/api/notes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("Remember the milk");
        } finally {
            second.stop();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
