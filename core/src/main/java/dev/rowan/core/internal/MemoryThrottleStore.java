package dev.rowan.core.internal;

import dev.rowan.core.spi.ThrottleStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/** Throttle counts in this JVM: right for one instance; expired windows are dropped as they are met. */
public final class MemoryThrottleStore implements ThrottleStore {
    /** Above this many keys, expired ones are swept, so a flood of distinct keys cannot grow the map without end. */
    private static final int SWEEP_ABOVE = 10_000;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    /**
     * The size that triggers the next sweep: twice what a sweep left, so that many live keys (an
     * attack from thousands of addresses) cost one sweep per doubling, not a scan on every attempt.
     */
    private volatile int sweepAt = SWEEP_ABOVE;
    private final java.util.concurrent.atomic.AtomicInteger sweeps = new java.util.concurrent.atomic.AtomicInteger();
    private final Clock clock;

    private record Window(long count, Instant ends) {
    }

    public MemoryThrottleStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Hits hit(String key, Duration window, long limit, LongFunction<Duration> blockFor) {
        Instant now = clock.instant();
        if (windows.size() > sweepAt) {
            windows.values().removeIf(w -> !w.ends().isAfter(now));
            sweeps.incrementAndGet();
            sweepAt = Math.max(SWEEP_ABOVE, 2 * windows.size());
        }
        Window w = windows.compute(key, (k, old) -> {
            Window current = old == null || !old.ends().isAfter(now) ? new Window(0, now.plus(window)) : old;
            long count = current.count() + 1;
            Instant ends = current.ends();
            if (count > limit) {
                Instant blocked = now.plus(blockFor.apply(count));
                ends = blocked.isAfter(ends) ? blocked : ends;
            }
            return new Window(count, ends);
        });
        return new Hits(w.count(), Duration.between(now, w.ends()));
    }

    /** How many sweeps ran, and how many keys are held: for the tests that bound both. */
    int sweeps() {
        return sweeps.get();
    }

    int keys() {
        return windows.size();
    }
}
