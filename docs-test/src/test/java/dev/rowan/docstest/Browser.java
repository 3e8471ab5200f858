package dev.rowan.docstest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor with cookies, as a browser would be: it sends its site's {@code Origin} on a POST and
 * reads the CSRF token from the form it was shown.
 */
final class Browser {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();
    private final RunningApp app;

    Browser(RunningApp app) {
        this.app = app;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> post(String path, Multipart.Upload upload) throws IOException, InterruptedException {
        return post(path, "multipart/form-data; boundary=" + Multipart.BOUNDARY, upload.body());
    }

    HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", contentType)
                .header("Origin", "http://localhost:" + app.port).POST(body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token in a page's form. */
    static String token(HttpResponse<String> page) {
        Matcher m = TOKEN.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("The page has no CSRF field:\n" + page.body());
        }
        return m.group(1);
    }

    String url(String path) {
        return app.url(path);
    }

    HttpClient client() {
        return http;
    }

    static Map<String, String> form(String... pairs) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
