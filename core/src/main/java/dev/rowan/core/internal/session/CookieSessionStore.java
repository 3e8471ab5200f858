package dev.rowan.core.internal.session;

import dev.rowan.core.Signer;
import dev.rowan.core.internal.body.UrlEncoded;
import dev.rowan.core.spi.SessionStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the whole session in a signed, timestamped cookie: nothing on the server, so any instance
 * can read it. The data is readable by the client (signed, not encrypted), as with Django's
 * signed-cookie backend: keep secrets out of it.
 */
public final class CookieSessionStore implements SessionStore {
    /** Browsers drop cookies over about 4 KB. */
    static final int MAX_COOKIE_BYTES = 4000;

    private final Signer signer;
    private final Duration maxAge;

    public CookieSessionStore(Signer signer, Duration maxAge) {
        this.signer = signer;
        this.maxAge = maxAge;
    }

    @Override
    public Optional<Map<String, String>> load(String cookieValue) {
        return signer.unsign(cookieValue, maxAge).flatMap(CookieSessionStore::decode);
    }

    @Override
    public String save(Optional<String> previousCookieValue, Map<String, String> data, boolean rotate, Duration age) {
        String value = signer.signWithTimestamp(encode(data));
        if (value.length() > MAX_COOKIE_BYTES) {
            throw new IllegalStateException("The session holds " + value.length() + " bytes, more than a cookie can carry ("
                    + MAX_COOKIE_BYTES + "). Store less in the session, or configure a server-side SessionStore.");
        }
        return value;
    }

    @Override
    public void delete(String cookieValue) {
        // Nothing is kept on the server; the cookie is expired by the caller.
    }

    static String encode(Map<String, String> data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text(data).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Map<String, String>> decode(String encoded) {
        try {
            return fromText(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The data as {@code key=value&...}, URL-encoded; see {@link SessionStore#toText}. */
    public static String text(Map<String, String> data) {
        var sb = new StringBuilder();
        data.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    /** What {@link #text} wrote, read with the form parser's limits (10,000 keys). */
    public static Optional<Map<String, String>> fromText(String text) {
        try {
            var out = new LinkedHashMap<String, String>();
            UrlEncoded.parse(text, 10_000, "session").forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
            return Optional.of(out);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
