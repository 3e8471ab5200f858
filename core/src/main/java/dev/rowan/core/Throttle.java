package dev.rowan.core;

import dev.rowan.core.internal.MemoryThrottleStore;
import dev.rowan.core.spi.ThrottleStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits attempts per key (an account, a client address) in a time window, with backoff: at most
 * {@code limit} attempts per {@code window}; past that the client is answered 429 with
 * {@code Retry-After}, and each further {@code limit} attempts doubles the wait, up to a day.
 *
 * <pre>{@code
 * Throttle logins = Throttle.of("login", 5, Duration.ofMinutes(15));
 * app.post("/login", ctx -> {
 *     String user = ctx.form("username").asString();
 *     logins.check(ctx, "user:" + user, "address:" + ctx.clientAddress().getHostAddress());
 *     ...
 * });
 * }</pre>
 *
 * Counts live in the app's {@link ThrottleStore} service when one is registered (Redis, from
 * {@code rowan-sessions}, shared by every instance), in this JVM otherwise. The first time a key
 * is blocked, one warning names the throttle and the key in the log.
 */
public final class Throttle {
    /** The longest wait the backoff grows to. */
    public static final Duration MAX_BLOCK = Duration.ofDays(1);
    private static final System.Logger LOG = System.getLogger("rowan.throttle");

    private final String name;
    private final long limit;
    private final Duration window;
    private final ThrottleStore fallback;

    private Throttle(String name, long limit, Duration window, ThrottleStore fallback) {
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.fallback = fallback;
    }

    /** At most {@code limit} attempts per key in {@code window}. */
    public static Throttle of(String name, int limit, Duration window) {
        if (!name.matches("[a-z][a-z0-9.-]*") || limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A throttle needs a lower-case name (login, password-reset), a limit of 1 or more "
                    + "and a positive window");
        }
        return new Throttle(name, limit, window, new MemoryThrottleStore(Clock.systemUTC()));
    }

    /** The same throttle counting in this JVM with {@code clock}, for tests. */
    public Throttle withClock(Clock clock) {
        return new Throttle(name, limit, window, new MemoryThrottleStore(clock));
    }

    /**
     * Counts one attempt for each key and throws a 429 {@link HttpException} (with
     * {@code Retry-After}) when any of them is over the limit. Every key is counted, also past the
     * first that is blocked, so neither can be worn down by spreading attempts over the other.
     */
    public void check(Context ctx, String... keys) {
        ThrottleStore store = ctx.app().findService(ThrottleStore.class).orElse(fallback);
        Duration wait = Duration.ZERO;
        for (String key : keys) {
            Objects.requireNonNull(key);
            ThrottleStore.Hits hits = store.hit("throttle:" + name + ":" + key, window, limit, this::blockFor);
            if (hits.count() > limit) {
                if (hits.count() == limit + 1) {
                    LOG.log(System.Logger.Level.WARNING, "Throttle " + name + ": " + key + " blocked for " + words(hits.resetIn())
                            + " after " + limit + " attempts in " + words(window) + ".");
                }
                wait = hits.resetIn().compareTo(wait) > 0 ? hits.resetIn() : wait;
            }
        }
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw HttpException.of(429, "Too many attempts. Try again in " + words(Duration.ofSeconds(seconds)) + ".")
                    .withHeader("Retry-After", String.valueOf(seconds));
        }
    }

    /** The wait after {@code count} attempts: the window, doubled for each further {@code limit} attempts. */
    Duration blockFor(long count) {
        long doublings = Math.min(30, (count - 1) / limit - 1);
        Duration block = window.multipliedBy(1L << Math.max(0, doublings));
        return block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block;
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 90) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = (s + 59) / 60;
        if (m < 90) {
            return m + " minutes";
        }
        long h = (m + 59) / 60;
        return h + (h == 1 ? " hour" : " hours");
    }
}
