package dev.rowan.forms;

import dev.rowan.core.App;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser over real sockets with its own cookie jar. The jar ignores the Secure flag on purpose: tests simulate
 * HTTPS with X-Forwarded-Proto on a plain-HTTP socket.
 */
final class Browser {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9]+)\"");
    private final HttpClient client = HttpClient.newHttpClient();
    private final App app;
    final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(App app) {
        this.app = app;
    }

    record Response(int status, String body, HttpHeaders headers) {
        String token() {
            Matcher m = TOKEN.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF input in: " + body);
            }
            return m.group(1);
        }
    }

    Response get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, "", "", headers);
    }

    /** A URL-encoded POST of {@code fields}. */
    Response post(String path, Map<String, String> fields, String... headers) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, body, "application/x-www-form-urlencoded", headers);
    }

    Response send(String method, String path, String body, String contentType, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "text/plain");
        if (!contentType.isEmpty()) {
            b.header("Content-Type", contentType);
        }
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || set.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return new Response(r.statusCode(), r.body(), r.headers());
    }

    String origin() {
        return "http://127.0.0.1:" + app.port();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
