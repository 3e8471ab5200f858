package dev.rowan.auth.internal.sessions;

import dev.rowan.auth.DjangoSigning;
import dev.rowan.core.spi.JsonCodec;
import dev.rowan.core.spi.SessionStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in Django's signed-cookie format ({@code django.contrib.sessions.backends.signed_cookies}):
 * the cookie Django writes is read here, and the one written here is read by Django. Django's
 * values are JSON; a string is a string here, anything else (a number, a list) its JSON text. A
 * value that arrived as JSON and is unchanged goes back as the same JSON, so Django still reads
 * a list as a list.
 */
public final class DjangoCookieSessionStore implements SessionStore {
    /** Browsers drop cookies over about 4 KB. */
    private static final int MAX_COOKIE_BYTES = 4000;
    private static final java.lang.reflect.Type MAP = new java.lang.reflect.ParameterizedType() {
        @Override
        public java.lang.reflect.Type[] getActualTypeArguments() {
            return new java.lang.reflect.Type[] {String.class, Object.class};
        }

        @Override
        public java.lang.reflect.Type getRawType() {
            return Map.class;
        }

        @Override
        public java.lang.reflect.Type getOwnerType() {
            return null;
        }
    };

    private final DjangoSigning signing;
    private final Duration maxAge;
    private final JsonCodec json;

    public DjangoCookieSessionStore(DjangoSigning signing, Duration maxAge, JsonCodec json) {
        this.signing = signing;
        this.maxAge = maxAge;
        this.json = json;
    }

    @Override
    public Optional<Map<String, String>> load(String cookieValue) {
        return objects(cookieValue).map(values -> {
            var out = new LinkedHashMap<String, String>();
            values.forEach((k, v) -> out.put(k, v instanceof String s ? s : text(v)));
            return out;
        });
    }

    @Override
    public String save(Optional<String> previous, Map<String, String> data, boolean rotate, Duration age) {
        Map<String, Object> before = previous.flatMap(this::objects).orElse(Map.of());
        var values = new LinkedHashMap<String, Object>();
        data.forEach((k, v) -> {
            Object old = before.get(k);
            values.put(k, old != null && !(old instanceof String) && text(old).equals(v) ? old : v);
        });
        String value = signing.dumps(text(values), DjangoSigning.SESSION_SALT, true);
        if (value.length() > MAX_COOKIE_BYTES) {
            throw new IllegalStateException("The session holds " + value.length() + " bytes, more than a cookie can carry ("
                    + MAX_COOKIE_BYTES + "). Store less in the session.");
        }
        return value;
    }

    @Override
    public void delete(String cookieValue) {
        // Nothing is kept on the server; the cookie is expired by the caller.
    }

    private Optional<Map<String, Object>> objects(String cookieValue) {
        return signing.loads(cookieValue, DjangoSigning.SESSION_SALT, maxAge).flatMap(text -> {
            try {
                Map<String, Object> map = json.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), MAP);
                return Optional.ofNullable(map);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();   // signed but not a JSON object: not a session this app can use
            }
        });
    }

    private String text(Object value) {
        return new String(json.toBytes(value), StandardCharsets.UTF_8);
    }
}
