package dev.rowan.examples.csv2xlsx;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.forms.CsrfProtection;
import dev.rowan.test.RowanTest;
import dev.rowan.test.TestClient;
import dev.rowan.test.TestFile;
import dev.rowan.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With CSRF protection installed (as in main and the demo) the form carries a token and a forged upload is refused.
 * In memory: the check is the app's own middleware, reading the cookie, the Origin header and the token inside the
 * multipart body, none of which a socket changes; the client keeps the cookie between requests as a browser does.
 */
@RowanTest
class CsrfUploadTest {
    private static final Pattern HIDDEN_FIELD = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]+)\"");

    static App app() {
        return App.create(Config.of(Map.of())).install(CsrfProtection.create()).install(Csv2XlsxApp.at("/"));
    }

    @Test
    void theFormsTokenIsAcceptedAndAnUploadWithoutItRefused(TestClient client) {
        Matcher m = HIDDEN_FIELD.matcher(client.get("/").text());
        assertThat(m.find()).as("a hidden token field in the form").isTrue();

        var forged = upload(client, Map.of());
        assertThat(forged.status()).isEqualTo(403);

        var real = upload(client, Map.of(m.group(1), m.group(2)));
        assertThat(real.status()).isEqualTo(200);
        assertThat(real.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("a.xlsx"));
    }

    /** Posts the form from its own page, as a browser would: {@code fields} first, then the file. */
    private static TestResponse upload(TestClient client, Map<String, String> fields) {
        var parts = new LinkedHashMap<String, Object>(fields);
        parts.put("csv", TestFile.of("a.csv", "text/csv", "a,b\n1,2\n"));
        return client.request("POST", "/").header("Origin", client.origin()).multipart(parts).send();
    }
}
