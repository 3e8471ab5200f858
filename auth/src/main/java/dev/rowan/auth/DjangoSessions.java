package dev.rowan.auth;

import dev.rowan.auth.internal.sessions.DjangoCookieSessionStore;
import dev.rowan.core.App;
import dev.rowan.core.Module;
import dev.rowan.core.spi.SessionStore;
import dev.rowan.json.Json;

import java.time.Duration;
import java.util.List;

/**
 * Keeps sessions in Django's signed-cookie format, so a Rowan app and a Django app with the same
 * secret key share their visitors' sessions while a site moves from one to the other. Set the
 * cookie name Django uses:
 *
 * <pre>{@code
 * // session.cookie-name=sessionid, SECRET_KEY = the Django project's
 * app.install(DjangoSessions.create());
 * }</pre>
 *
 * The secret key and its fallbacks are the app's ({@code secret.key}, {@code secret.fallbacks});
 * sessions expire after {@code session.max-age}, as Django's {@code SESSION_COOKIE_AGE}.
 */
public final class DjangoSessions implements Module {
    private DjangoSessions() {
    }

    public static DjangoSessions create() {
        return new DjangoSessions();
    }

    @Override
    public void install(App app) {
        var c = app.config();
        String secret = c.get("secret.key").orElseThrow(() -> new IllegalStateException(
                "DjangoSessions needs the secret key the Django app uses: set SECRET_KEY (or secret.key)"));
        List<String> fallbacks = c.getList("secret.fallbacks");
        DjangoSigning signing = DjangoSigning.withSecret(secret, fallbacks.toArray(String[]::new));
        app.register(SessionStore.class, new DjangoCookieSessionStore(signing, c.getDuration("session.max-age", Duration.ofDays(14)),
                Json.codec()));
    }
}
