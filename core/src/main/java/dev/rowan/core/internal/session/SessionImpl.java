package dev.rowan.core.internal.session;

import dev.rowan.core.Session;
import dev.rowan.core.internal.body.UrlEncoded;
import dev.rowan.core.spi.SessionStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A request's view of its session; saved once, when the response is committed, and only if changed. */
public final class SessionImpl implements Session {
    static final String FLASHES = "_flashes";
    static final String NONCE = "_sid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final Optional<String> cookieValue;
    private final Map<String, String> data;
    private boolean modified;
    private boolean rotate;
    private boolean invalidated;

    public SessionImpl(SessionStore store, Optional<String> cookieValue) {
        this.store = store;
        Optional<Map<String, String>> loaded = cookieValue.flatMap(store::load);
        this.cookieValue = loaded.isPresent() ? cookieValue : Optional.empty();
        this.data = new LinkedHashMap<>(loaded.orElse(Map.of()));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(data.get(key));
    }

    @Override
    public void put(String key, String value) {
        if (!value.equals(data.put(key, value))) {
            modified = true;
        }
    }

    @Override
    public void remove(String key) {
        if (data.remove(key) != null) {
            modified = true;
        }
    }

    @Override
    public Set<String> keys() {
        var keys = new java.util.LinkedHashSet<>(data.keySet());
        keys.remove(FLASHES);
        keys.remove(NONCE);
        return Collections.unmodifiableSet(keys);
    }

    @Override
    public boolean isEmpty() {
        return keys().isEmpty() && !data.containsKey(FLASHES);
    }

    @Override
    public void invalidate() {
        data.clear();
        invalidated = true;
        modified = true;
    }

    @Override
    public void rotate() {
        rotate = true;
        modified = true;
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        data.put(NONCE, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    @Override
    public void flash(Flash.Level level, String message) {
        String entry = level.name() + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        data.merge(FLASHES, entry, (a, b) -> a + "&" + b);
        modified = true;
    }

    @Override
    public List<Flash> consumeFlashes() {
        String raw = data.remove(FLASHES);
        if (raw == null) {
            return List.of();
        }
        modified = true;
        var out = new ArrayList<Flash>();
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    Flash.Level level = Flash.Level.valueOf(part.substring(0, eq));
                    out.add(new Flash(level, UrlEncoded.parse("m=" + part.substring(eq + 1), 1, "flash").get("m").get(0)));
                } catch (IllegalArgumentException ignored) {
                    // A flash written by another version of the app: skip it rather than fail the page.
                }
            }
        }
        return out;
    }

    /** What to do with the cookie when the response is committed. */
    public sealed interface Outcome permits Keep, Write, Expire {}

    public record Keep() implements Outcome {}

    public record Write(String cookieValue) implements Outcome {}

    public record Expire() implements Outcome {}

    public Outcome commit(Duration maxAge) {
        if (!modified) {
            return new Keep();
        }
        if (invalidated || data.isEmpty()) {
            cookieValue.ifPresent(store::delete);
            if (data.isEmpty()) {
                return cookieValue.isPresent() || invalidated ? new Expire() : new Keep();
            }
        }
        if (rotate) {
            cookieValue.ifPresent(store::delete);
        }
        return new Write(store.save(invalidated ? Optional.empty() : cookieValue, data, rotate, maxAge));
    }
}
