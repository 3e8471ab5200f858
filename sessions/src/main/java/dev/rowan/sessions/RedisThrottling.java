package dev.rowan.sessions;

import dev.rowan.core.App;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.core.spi.ThrottleStore;
import dev.rowan.sessions.internal.RedisThrottleStore;

import java.time.Duration;

/**
 * Counts {@link dev.rowan.core.Throttle} attempts in Redis, so that every instance of the app
 * behind a proxy counts the same login attempts:
 *
 * <pre>{@code
 * app.install(RedisThrottling.create());   // throttle.redis-url, redis://127.0.0.1:6379 unless set
 * }</pre>
 *
 * When Redis cannot be reached, a throttled request is answered 503: letting attempts through
 * uncounted would switch the protection off exactly when something is wrong.
 */
public final class RedisThrottling implements Module {
    static final Setting URL = Setting.of("throttle.redis-url", Setting.Type.TEXT, "redis://127.0.0.1:6379",
            "The Redis server that counts throttled attempts when RedisThrottling is installed.");
    static final Setting PREFIX = Setting.of("throttle.redis-prefix", Setting.Type.TEXT, "rowan:",
            "What throttle keys in Redis start with, so several apps can share one Redis.");

    private RedisThrottling() {
    }

    public static RedisThrottling create() {
        return new RedisThrottling();
    }

    @Override
    public void install(App app) {
        app.declare(URL, PREFIX);
        var c = app.config();
        var store = RedisThrottleStore.connect(c.get(URL.key(), URL.defaultValue()), c.get(PREFIX.key(), PREFIX.defaultValue()),
                c.getDuration("session.redis-timeout", Duration.ofSeconds(2)));
        app.register(ThrottleStore.class, store);
        app.onStop(store::close);
    }
}
