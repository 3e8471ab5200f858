package dev.rowan.test;

import dev.rowan.test.internal.Wire;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request being built; {@link #send()} sends it through the client that made it.
 *
 * <pre>{@code
 * TestResponse res = client.request("PUT", "/api/items/5")
 *         .header("Accept", "application/json")
 *         .json(Map.of("name", "Tea"))
 *         .send();
 * }</pre>
 */
public final class TestRequest {
    private final TestClient client;
    private final String method;
    private final StringBuilder target;
    private final List<Wire.Header> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private boolean secure;

    TestRequest(TestClient client, String method, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Test request paths start with '/', got '" + path + "'");
        }
        this.client = client;
        this.method = method;
        this.target = new StringBuilder(path);
    }

    /** Adds a header (several calls with one name send several values). */
    public TestRequest header(String name, String value) {
        headers.add(new Wire.Header(name, value));
        return this;
    }

    /** Appends {@code name=value} to the query string, percent-encoded. */
    public TestRequest query(String name, Object value) {
        target.append(target.indexOf("?") < 0 ? '?' : '&').append(encode(name)).append('=').append(encode(String.valueOf(value)));
        return this;
    }

    public TestRequest accept(String mediaType) {
        return header("Accept", mediaType);
    }

    /** Sends a cookie with this request only (the jar's cookies are sent too). */
    public TestRequest cookie(String name, String value) {
        return header("Cookie", name + "=" + value);
    }

    public TestRequest contentType(String mediaType) {
        headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Type"));
        return header("Content-Type", mediaType);
    }

    public TestRequest body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /** A UTF-8 text body; set the content type with {@link #contentType(String)}. */
    public TestRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A URL-encoded form body; a collection value sends the field once per element. */
    public TestRequest form(Map<String, ?> fields) {
        var sb = new StringBuilder();
        fields.forEach((k, v) -> {
            Collection<?> values = v instanceof Collection<?> c ? c : List.of(String.valueOf(v));
            for (Object one : values) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(encode(k)).append('=').append(encode(String.valueOf(one)));
            }
        });
        contentType("application/x-www-form-urlencoded");
        return body(sb.toString());
    }

    /**
     * A {@code multipart/form-data} body, as a browser sends a form with file inputs: a
     * {@link TestFile} value becomes a file part, a collection one part per element, anything else
     * a text field (UTF-8). Parts go in the map's iteration order.
     */
    public TestRequest multipart(Map<String, ?> parts) {
        String boundary = "----RowanTestBoundary" + UUID.randomUUID().toString().replace("-", "");
        var out = new ByteArrayOutputStream();
        parts.forEach((name, v) -> {
            Collection<?> values = v instanceof Collection<?> c ? c : List.of(v);
            for (Object one : values) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"");
                if (one instanceof TestFile f) {
                    write(out, "; filename=\"" + quoted(f.filename()) + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n");
                    out.writeBytes(f.contentUncopied());
                } else {
                    write(out, "\r\n\r\n" + one);
                }
                write(out, "\r\n");
            }
        });
        write(out, "--" + boundary + "--\r\n");
        contentType("multipart/form-data; boundary=" + boundary);
        return body(out.toByteArray());
    }

    /** A JSON body: a String is sent as is, anything else encoded with the app's JSON codec. */
    public TestRequest json(Object value) {
        contentType("application/json");
        return value instanceof String s ? body(s) : body(client.requireCodec().toBytes(value));
    }

    /** Marks the request as arriving over HTTPS (in-memory mode only). */
    public TestRequest secure() {
        this.secure = true;
        return this;
    }

    public TestResponse send() {
        return client.send(this);
    }

    String method() {
        return method;
    }

    String target() {
        return target.toString();
    }

    List<Wire.Header> headers() {
        return List.copyOf(headers);
    }

    byte[] body() {
        return body;
    }

    boolean isSecure() {
        return secure;
    }

    // Browsers percent-encode these in multipart names and filenames (HTML's form submission algorithm).
    private static String quoted(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
