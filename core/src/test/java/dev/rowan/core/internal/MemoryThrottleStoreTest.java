package dev.rowan.core.internal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-JVM throttle counts: bounded memory, and no scan of every key on every attempt. */
class MemoryThrottleStoreTest {
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-08T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void manyLiveKeysCostASweepPerDoublingNotOnePerAttempt() {
        var store = new MemoryThrottleStore(new MovableClock());
        for (int i = 0; i < 50_000; i++) {
            store.hit("address:" + i, Duration.ofMinutes(15), 5, n -> Duration.ofMinutes(15));
        }
        assertThat(store.keys()).isEqualTo(50_000);
        // 10,000 -> 20,000 -> 40,000: three sweeps (a scan on every attempt past 10,000 would be 40,000).
        assertThat(store.sweeps()).isLessThanOrEqualTo(3);
    }

    @Test
    void expiredWindowsAreDroppedSoDistinctKeysCannotGrowMemoryWithoutEnd() {
        var clock = new MovableClock();
        var store = new MemoryThrottleStore(clock);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 12_000; i++) {
                store.hit("address:" + round + ":" + i, Duration.ofMinutes(1), 5, n -> Duration.ofMinutes(1));
            }
            clock.now = clock.now.plus(Duration.ofMinutes(2));
        }
        assertThat(store.keys()).as("only the live rounds are kept").isLessThan(30_000);
    }
}
