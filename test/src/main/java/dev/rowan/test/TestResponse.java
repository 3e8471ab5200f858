package dev.rowan.test;

import dev.rowan.test.internal.Wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A response as the client received it. {@link #toString()} shows status, headers and the start
 * of the body, so a failed assertion says what came back.
 *
 * <pre>{@code
 * TestResponse res = client.get("/api/polls/5");
 * assertThat(res.status()).isEqualTo(200);
 * assertThat(res.json()).containsEntry("question", "Tea?");
 * }</pre>
 */
public final class TestResponse {
    private static final Type MAP_TYPE = new ParameterizedType() {
        public Type[] getActualTypeArguments() {
            return new Type[] {String.class, Object.class};
        }

        public Type getRawType() {
            return Map.class;
        }

        public Type getOwnerType() {
            return null;
        }
    };

    private final TestClient client;
    private final String method;
    private final String target;
    private final Wire.Response raw;

    TestResponse(TestClient client, String method, String target, Wire.Response raw) {
        this.client = client;
        this.method = method;
        this.target = target;
        this.raw = raw;
    }

    public int status() {
        return raw.status();
    }

    /** The first value of a header (case-insensitive). */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** All values of a header, e.g. every {@code Set-Cookie}. */
    public List<String> headers(String name) {
        var out = new ArrayList<String>();
        for (Wire.Header h : raw.headers()) {
            if (h.name().equalsIgnoreCase(name)) {
                out.add(h.value());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** All headers, names in lower case. */
    public Map<String, List<String>> headers() {
        var out = new LinkedHashMap<String, List<String>>();
        for (Wire.Header h : raw.headers()) {
            out.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.value());
        }
        return Collections.unmodifiableMap(out);
    }

    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        return raw.body().clone();
    }

    /** A JSON object body as a map, decoded with the app's JSON codec. */
    public Map<String, Object> json() {
        return json(MAP_TYPE);
    }

    /** The JSON body decoded to {@code type} (a record, {@code List.class}, ...). */
    public <T> T json(Class<T> type) {
        return type.cast(json((Type) type));
    }

    @SuppressWarnings("unchecked")
    private <T> T json(Type type) {
        try {
            return (T) client.requireCodec().read(new ByteArrayInputStream(raw.body()), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError("The body of " + method + " " + target + " is not the JSON expected: " + e.getMessage() + "\n" + this, e);
        }
    }

    public boolean isRedirect() {
        return status() >= 300 && status() < 400 && header("Location").isPresent();
    }

    /** The {@code Location} of a 3xx response; empty for anything else. */
    public Optional<String> redirectLocation() {
        return status() >= 300 && status() < 400 ? header("Location") : Optional.empty();
    }

    @Override
    public String toString() {
        var sb = new StringBuilder().append(method).append(' ').append(target).append(" -> ").append(status());
        raw.headers().forEach(h -> sb.append("\n  ").append(h.name()).append(": ").append(h.value()));
        String text = text();
        sb.append("\n\n").append(text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
        return sb.toString();
    }
}
