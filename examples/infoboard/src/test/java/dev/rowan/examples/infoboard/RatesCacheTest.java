package dev.rowan.examples.infoboard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RatesCacheTest {
    private static final Rates RATES = new Rates("EUR", LocalDate.of(2026, 11, 27), new TreeMap<>(java.util.Map.of("USD", BigDecimal.ONE)));

    private final MutableClock clock = new MutableClock();

    @Test
    void concurrentReadersWaitForTheOneCallInFlight() throws Exception {
        var calls = new AtomicInteger();
        var gate = new CountDownLatch(1);
        var cache = new RatesCache(() -> {
            calls.incrementAndGet();
            await(gate);
            return new FetchResult.Ok(RATES);
        }, clock, Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Executors.newVirtualThreadPerTaskExecutor());
        List<Future<RatesCache.View>> readers = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                readers.add(pool.submit(cache::current));
            }
            while (calls.get() < 1 || cache.waiting() < 10) {
                Thread.onSpinWait();
            }
            gate.countDown();
            for (var reader : readers) {
                assertThat(reader.get().data()).isPresent();
            }
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailureKeepsTheLastGoodData() {
        var results = new ArrayList<FetchResult>(List.of(new FetchResult.Ok(RATES),
                new FetchResult.Failed(FetchResult.Problem.DOWN, "it refused the connection")));
        var cache = new RatesCache(() -> results.removeFirst(), clock, Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Runnable::run);
        var first = cache.current();
        clock.advance(Duration.ofMinutes(2));
        cache.current();   // serves the stale data; the refresh runs (here: inline) and fails
        var second = cache.current();
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(second.failure()).hasValueSatisfying(f -> assertThat(f.result().detail()).isEqualTo("it refused the connection"));
    }

    @Test
    void staleDataIsServedAtOnceWhileTheRefreshRunsInTheBackground() throws Exception {
        var calls = new AtomicInteger();
        var gate = new CountDownLatch(1);
        var newer = new Rates("EUR", LocalDate.of(2026, 11, 28), RATES.rates());
        var cache = new RatesCache(() -> {
            if (calls.incrementAndGet() == 1) {
                return new FetchResult.Ok(RATES);
            }
            await(gate);
            return new FetchResult.Ok(newer);
        }, clock, Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Executors.newVirtualThreadPerTaskExecutor());
        cache.current();
        clock.advance(Duration.ofMinutes(2));

        var stale = cache.current();   // returns although the refresh is held at the gate

        assertThat(stale.data()).hasValueSatisfying(s -> assertThat(s.rates()).isEqualTo(RATES));
        assertThat(stale.refreshing()).isTrue();
        assertThat(cache.current().refreshing()).isTrue();
        var refresh = cache.refreshing().orElseThrow();
        gate.countDown();
        refresh.get(30, TimeUnit.SECONDS);
        var fresh = cache.current();
        assertThat(fresh.data()).hasValueSatisfying(s -> assertThat(s.rates()).isEqualTo(newer));
        assertThat(fresh.refreshing()).isFalse();
        assertThat(calls).hasValue(2);
    }

    @Test
    void agesReadNaturally() {
        assertThat(Board.age(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(Board.age(Duration.ofMinutes(1))).isEqualTo("1 minute ago");
        assertThat(Board.age(Duration.ofMinutes(3))).isEqualTo("3 minutes ago");
        assertThat(Board.age(Duration.ofMinutes(125))).isEqualTo("2 hours ago");
        assertThat(Board.age(Duration.ofDays(3))).isEqualTo("3 days ago");
        assertThat(Board.age(Duration.ofSeconds(-5))).isEqualTo("just now");
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
