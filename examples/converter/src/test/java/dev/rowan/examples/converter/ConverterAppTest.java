package dev.rowan.examples.converter;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The converter's pages and API through a real socket, mounted under a prefix as the demo site does. */
class ConverterAppTest {
    private static App app;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = App.create(Config.of(Map.of())).install(ConverterApp.at("/converter")).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    // ------------------------------------------------------------------ JSON API

    @Test
    void apiConverts() throws Exception {
        var r = get("/converter/api/convert?value=98.6&from=F&to=C");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).isEqualTo("{\"value\":98.6,\"from\":\"F\",\"to\":\"C\",\"result\":37.0}");
    }

    @Test
    void apiAcceptsUnitsInAnyCaseAndAnswersWithSymbols() throws Exception {
        var r = get("/converter/api/convert?value=-40&from=c&to=fahrenheit");
        assertThat(r.body()).isEqualTo("{\"value\":-40.0,\"from\":\"C\",\"to\":\"F\",\"result\":-40.0}");
    }

    @Test
    void apiRoundsToTwoDecimals() throws Exception {
        assertThat(get("/converter/api/convert?value=100&from=F&to=C").body()).contains("\"result\":37.78");
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=F&to=C", "value=&from=F&to=C", "value=abc&from=F&to=C", "value=NaN&from=F&to=C",
            "value=Infinity&from=F&to=C", "value=1e999&from=F&to=C", "value=-500&from=F&to=C", "value=1&from=X&to=C",
            "value=1&from=F", "value=1&from=F&to=R"})
    void apiRejectsBadInputWithJson400(String query) throws Exception {
        var r = get("/converter/api/convert?" + query);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).startsWith("{").contains("\"error\":\"");
    }

    @Test
    void apiUnknownUnitNamesTheValidUnits() throws Exception {
        var r = get("/converter/api/convert?value=1&from=F&to=R");
        assertThat(r.body()).contains("Unknown unit 'R'; use one of C (Celsius), F (Fahrenheit), K (Kelvin).").contains("\"field\":\"to\"");
    }

    @Test
    void apiBelowAbsoluteZeroSaysSo() throws Exception {
        assertThat(get("/converter/api/convert?value=-1&from=K&to=C").body()).contains("below absolute zero");
    }

    // ------------------------------------------------------------------ HTML form

    @Test
    void formPageStartsEmpty() throws Exception {
        var r = get("/converter/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("<form method=\"get\" action=\"/converter/\"").doesNotContain("class=\"error\"")
                .doesNotContain("role=\"status\"");
    }

    @Test
    void formShowsTheResult() throws Exception {
        var r = get("/converter/?value=98.6&from=F&to=C");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<output>98.6 °F = 37 °C</output>").contains("value=\"98.6\"")
                .contains("<option value=\"F\" selected>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"value=&from=F&to=C", "value=abc&from=F&to=C", "value=1e999&from=F&to=C", "value=NaN&from=C&to=F",
            "value=-274&from=C&to=F", "value=1&from=Q&to=F"})
    void formShowsErrorsInlineWith400(String query) throws Exception {
        var r = get("/converter/?" + query);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("<form").contains("class=\"error\"").doesNotContain("role=\"status\"");
    }

    @Test
    void formEscapesWhatTheUserTyped() throws Exception {
        var r = get("/converter/?value=" + URLEncoder.encode("<script>x</script>", StandardCharsets.UTF_8) + "&from=F&to=C");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("<script>x").contains("&lt;script&gt;");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
