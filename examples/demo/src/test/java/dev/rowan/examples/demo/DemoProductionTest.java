package dev.rowan.examples.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo as its jar runs it, in a child JVM with the production profile and only the settings the docs ask for. */
class DemoProductionTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void inProductionWithASecretAndHostsTheDemoStartsAndServes(@TempDir Path dir) throws Exception {
        Process demo = start(dir, Map.of("ROWAN_PROFILE", "prod", "SECRET_KEY", "p".repeat(48), "ROWAN_ALLOWED_HOSTS", "127.0.0.1",
                "ROWAN_SERVER_PORT", "0"));
        try (var out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            int port = awaitPort(out);
            assertThat(get(port, "/").statusCode()).isEqualTo(200);
            var notes = get(port, "/notes/");
            assertThat(notes.statusCode()).isEqualTo(200);
            assertThat(notes.body()).contains("Rowan demo");
            // Production error pages sit in the site's layout, and API errors are JSON.
            var missing = get(port, "/no-such-page");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("<a class=\"brand\" href=\"/\">Rowan demo</a>").contains("There is no page at /no-such-page.");
            var api = get(port, "/notes/api/notes/%00");
            assertThat(api.statusCode()).isEqualTo(400);
            assertThat(api.headers().firstValue("Content-Type")).contains("application/json");
        } finally {
            demo.destroy();
            demo.waitFor(30, TimeUnit.SECONDS);
        }
        // The embedded store kept its file where the demo promises.
        assertThat(dir.resolve("data/notes.mv")).exists();
    }

    @Test
    void inProductionWithoutASecretItStopsWithTheCheckAndNoStackTrace(@TempDir Path dir) throws Exception {
        Process demo = start(dir, Map.of("ROWAN_PROFILE", "prod", "ROWAN_ALLOWED_HOSTS", "127.0.0.1", "ROWAN_SERVER_PORT", "0"));
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("The app cannot start: a startup check failed.").contains("core.E001").contains("Fix: Set SECRET_KEY")
                .doesNotContain("Exception in thread").doesNotContain("\tat ").doesNotContain("listening on");
    }

    private static Process start(Path dir, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DemoSite.class.getName())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ROWAN_") || k.equals("SECRET_KEY") || k.equals("MONGODB_URI") || k.equals("PORT"));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Reads the child's output until its "listening on" line; fails with everything it said if it ends first. */
    private static int awaitPort(BufferedReader out) throws Exception {
        var said = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            said.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("The demo ended without serving:\n" + said);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
