package dev.rowan.core;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void helloWorldOverARealSocket() throws Exception {
        App app = App.create(Config.of(java.util.Map.of())).get("/", ctx -> ctx.text("Hello, Rowan")).start(0);
        try {
            var client = HttpClient.newHttpClient();
            var res = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).isEqualTo("Hello, Rowan");
            assertThat(res.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            var missing = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/nope")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
        } finally {
            app.stop();
        }
    }
}
