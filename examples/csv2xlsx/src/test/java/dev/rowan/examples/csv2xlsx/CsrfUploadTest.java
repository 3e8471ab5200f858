package dev.rowan.examples.csv2xlsx;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.forms.CsrfProtection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With CSRF protection installed (as in main and the demo) the form carries a token and a forged upload is refused. */
class CsrfUploadTest {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private App app;

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theFormsTokenIsAcceptedAndAnUploadWithoutItRefused() throws Exception {
        app = App.create(Config.of(Map.of())).install(CsrfProtection.create()).install(Csv2XlsxApp.at("/")).start(0);
        String page = http.send(request().GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a hidden token field in the form").isTrue();

        var forged = post(new Multipart().file("csv", "a.csv", "a,b\n1,2\n"));
        assertThat(forged.statusCode()).isEqualTo(403);

        var real = post(new Multipart().field(m.group(1), m.group(2)).file("csv", "a.csv", "a,b\n1,2\n"));
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(real.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("a.xlsx"));
    }

    private HttpResponse<byte[]> post(Multipart form) throws Exception {
        return http.send(request().header("Content-Type", Multipart.contentType()).header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.build())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(origin() + "/"));
    }

    private String origin() {
        return "http://127.0.0.1:" + app.port();
    }
}
