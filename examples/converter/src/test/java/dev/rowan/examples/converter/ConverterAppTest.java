package dev.rowan.examples.converter;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import dev.rowan.test.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The converter's pages and API through a real socket, mounted under a prefix as the demo site does. */
class ConverterAppTest {
    private static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.overSocket(App.create(Config.of(Map.of())).install(ConverterApp.at("/converter")));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    // ------------------------------------------------------------------ JSON API

    @Test
    void apiConverts() {
        var r = get("/converter/api/convert?value=98.6&from=F&to=C");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.text()).isEqualTo("{\"value\":98.6,\"from\":\"F\",\"to\":\"C\",\"result\":37.0}");
    }

    @Test
    void apiAcceptsUnitsInAnyCaseAndAnswersWithSymbols() {
        var r = get("/converter/api/convert?value=-40&from=c&to=fahrenheit");
        assertThat(r.text()).isEqualTo("{\"value\":-40.0,\"from\":\"C\",\"to\":\"F\",\"result\":-40.0}");
    }

    @Test
    void apiRoundsToTwoDecimals() {
        assertThat(get("/converter/api/convert?value=100&from=F&to=C").text()).contains("\"result\":37.78");
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=F&to=C", "value=&from=F&to=C", "value=abc&from=F&to=C", "value=NaN&from=F&to=C",
            "value=Infinity&from=F&to=C", "value=1e999&from=F&to=C", "value=-500&from=F&to=C", "value=1&from=X&to=C",
            "value=1&from=F", "value=1&from=F&to=R"})
    void apiRejectsBadInputWithJson400(String query) {
        var r = get("/converter/api/convert?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.text()).startsWith("{").contains("\"error\":\"");
    }

    @Test
    void apiUnknownUnitNamesTheValidUnits() {
        var r = get("/converter/api/convert?value=1&from=F&to=R");
        assertThat(r.text()).contains("Unknown unit 'R'; use one of C (Celsius), F (Fahrenheit), K (Kelvin).").contains("\"field\":\"to\"");
    }

    @Test
    void apiBelowAbsoluteZeroSaysSo() {
        assertThat(get("/converter/api/convert?value=-1&from=K&to=C").text()).contains("below absolute zero");
    }

    // ------------------------------------------------------------------ HTML form

    @Test
    void formPageStartsEmpty() {
        var r = get("/converter/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.text()).contains("<form method=\"get\" action=\"/converter/\"").doesNotContain("class=\"error\"")
                .doesNotContain("role=\"status\"");
    }

    @Test
    void formShowsTheResult() {
        var r = get("/converter/?value=98.6&from=F&to=C");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("<output>98.6 °F = 37 °C</output>").contains("value=\"98.6\"")
                .contains("<option value=\"F\" selected>");
    }

    @Test
    void theJsonLinkIsTheConversionJustMade() {
        var r = get("/converter/?value=100&from=C&to=K");
        assertThat(r.text()).contains("<output>100 °C = 373.15 K</output>")
                .contains("<a href=\"/converter/api/convert?value=100&amp;from=C&amp;to=K\">")
                .doesNotContain("value=98.6");
        assertThat(get("/converter/api/convert?value=100&from=C&to=K").text()).contains("\"result\":373.15");
    }

    @Test
    void theJsonLinkOfAFailedConversionShowsTheApisAnswerToTheSameInput() {
        var r = get("/converter/?value=" + URLEncoder.encode("12 & x", StandardCharsets.UTF_8) + "&from=F&to=C");
        assertThat(r.text()).contains("<a href=\"/converter/api/convert?value=12+%26+x&amp;from=F&amp;to=C\">");
    }

    @Test
    void theEmptyFormLinksAnExample() {
        assertThat(get("/converter/").text()).contains("<a href=\"/converter/api/convert?value=98.6&amp;from=F&amp;to=C\">");
    }

    @Test
    void theUnitChoicesWriteKelvinWithoutADegreeSign() {
        assertThat(get("/converter/").text()).contains(">Kelvin (K)</option>").contains(">Celsius (°C)</option>")
                .doesNotContain("°K");
    }

    @ParameterizedTest
    @ValueSource(strings = {"value=&from=F&to=C", "value=abc&from=F&to=C", "value=1e999&from=F&to=C", "value=NaN&from=C&to=F",
            "value=-274&from=C&to=F", "value=1&from=Q&to=F"})
    void formShowsErrorsInlineWith400(String query) {
        var r = get("/converter/?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.text()).contains("<form").contains("class=\"error\"").doesNotContain("role=\"status\"");
    }

    @Test
    void formEscapesWhatTheUserTyped() {
        var r = get("/converter/?value=" + URLEncoder.encode("<script>x</script>", StandardCharsets.UTF_8) + "&from=F&to=C");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).doesNotContain("<script>x").contains("&lt;script&gt;");
    }

    private static TestResponse get(String path) {
        return client.get(path);
    }
}
