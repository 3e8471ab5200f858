package dev.rowan.sessions;

import dev.rowan.core.App;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.core.spi.SessionStore;
import dev.rowan.sessions.internal.RedisSessionStore;

import java.time.Duration;

/**
 * Keeps sessions in Redis: the cookie carries only a random session key, the data stays on the
 * server, and every instance of the app behind a proxy sees the same sessions.
 *
 * <pre>{@code
 * App app = App.create();
 * app.install(RedisSessions.create());   // session.redis-url, redis://127.0.0.1:6379 unless set
 * app.get("/", ctx -> ctx.text("visits: " + ctx.session().get("visits").orElse("0")));
 * }</pre>
 *
 * Logging out deletes the session in Redis; {@code ctx.session().rotate()} (at login) moves the data
 * to a new key and deletes the old one, so a session id known before login is worth nothing after.
 * Redis expires each session {@code session.max-age} after its last change. When Redis cannot be
 * reached, requests that use the session are answered 503, never 500.
 */
public final class RedisSessions implements Module {
    static final Setting URL = Setting.of("session.redis-url", Setting.Type.TEXT, "redis://127.0.0.1:6379",
            "The Redis server that keeps sessions when RedisSessions is installed (redis://[user:password@]host:port[/db], "
                    + "rediss:// for TLS).");
    static final Setting PREFIX = Setting.of("session.redis-prefix", Setting.Type.TEXT, "rowan:session:",
            "What session keys in Redis start with, so several apps can share one Redis.");
    static final Setting TIMEOUT = Setting.of("session.redis-timeout", Setting.Type.DURATION, "2s",
            "How long a session read or write may wait for Redis before the request is answered 503.");

    private RedisSessions() {
    }

    public static RedisSessions create() {
        return new RedisSessions();
    }

    @Override
    public void install(App app) {
        app.declare(URL, PREFIX, TIMEOUT);
        var c = app.config();
        var store = RedisSessionStore.connect(c.get(URL.key(), URL.defaultValue()), c.get(PREFIX.key(), PREFIX.defaultValue()),
                c.getDuration(TIMEOUT.key(), Duration.ofSeconds(2)));
        app.register(SessionStore.class, store);
        app.onStop(store::close);
    }
}
