package dev.rowan.core.spi;

import java.time.Duration;
import java.util.function.LongFunction;

/**
 * Where {@link dev.rowan.core.Throttle} counts attempts. The default keeps counts in the JVM; a
 * shared store (Redis, from {@code rowan-sessions}) lets several instances count together.
 */
public interface ThrottleStore {
    /** One attempt counted: how many in the current window, and how long until the window ends. */
    record Hits(long count, Duration resetIn) {
    }

    /**
     * Counts one attempt for {@code key}. The first attempt opens a window of {@code window}; an
     * attempt past {@code limit} extends the key's window to {@code blockFor(count)} when that is
     * longer (the backoff), so a client that keeps trying waits longer.
     */
    Hits hit(String key, Duration window, long limit, LongFunction<Duration> blockFor);
}
