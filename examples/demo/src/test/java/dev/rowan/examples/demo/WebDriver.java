package dev.rowan.examples.demo;

import dev.rowan.core.spi.JsonCodec;
import dev.rowan.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the W3C WebDriver protocol (JSON over HTTP) to drive a headless Chromium through
 * chromedriver: open a session, load a page, run a script, take a screenshot. No client library.
 */
final class WebDriver implements AutoCloseable {
    /** Debian's paths; the system properties {@code chromium} and {@code chromedriver} point elsewhere. */
    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    private static final JsonCodec JSON = Json.codec();

    private final Process driver;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private WebDriver(Process driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts chromedriver on a free local port and waits until it is ready. */
    static WebDriver start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        WebDriver d = new WebDriver(p, URI.create("http://127.0.0.1:" + port));
        d.awaitReady();
        return d;
    }

    private void awaitReady() throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                if (Boolean.TRUE.equals(value(call("GET", "/status", null)).get("ready"))) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            if (!driver.isAlive()) {
                throw new IOException("chromedriver exited with status " + driver.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IOException("chromedriver did not become ready");
    }

    /** A headless browser whose viewport is {@code width} x {@code height} CSS pixels; phone emulates touch too. */
    Session session(int width, int height, boolean phone) throws IOException, InterruptedException {
        Map<String, Object> options = Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=" + width + "," + height));
        if (phone) {
            options = Map.of("binary", options.get("binary"), "args", options.get("args"), "mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2, "touch", true)));
        }
        Map<String, Object> caps = Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome",
                "goog:chromeOptions", options)));
        String id = (String) value(call("POST", "/session", caps)).get("sessionId");
        return new Session(id);
    }

    /** One browser window. */
    final class Session implements AutoCloseable {
        private final String id;

        private Session(String id) {
            this.id = id;
        }

        void open(String url) throws IOException, InterruptedException {
            call("POST", "/session/" + id + "/url", Map.of("url", url));
        }

        /** Runs {@code script} (a function body; use {@code return}) in the page and gives its result. */
        Object script(String script) throws IOException, InterruptedException {
            return call("POST", "/session/" + id + "/execute/sync", Map.of("script", script, "args", List.of())).get("value");
        }

        /** A PNG of what the viewport shows. */
        byte[] screenshot() throws IOException, InterruptedException {
            return Base64.getDecoder().decode((String) call("GET", "/session/" + id + "/screenshot", null).get("value"));
        }

        @Override
        public void close() throws IOException, InterruptedException {
            call("DELETE", "/session/" + id, null);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> value(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("value");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.toBytes(body));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, publisher).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> answer = JSON.read(new ByteArrayInputStream(response.body()), Map.class);
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + " answered " + response.statusCode() + ": " + answer);
        }
        return answer;
    }

    @Override
    public void close() {
        driver.destroy();
    }
}
