package dev.rowan.examples.infoboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The last good rates and the rules for refreshing them.
 *
 * <ul>
 *   <li>Fresh data (younger than the TTL) is served without calling the upstream.</li>
 *   <li>Single flight: when a refresh is needed, one request makes the call and concurrent requests
 *       wait for its result instead of calling too, so a burst of readers cannot stampede the upstream.</li>
 *   <li>After a failed call the upstream is left alone for {@code retryAfter}: while it is down, readers
 *       get the fallback at once instead of each waiting for a timeout.</li>
 *   <li>When the call fails the last good data is kept and served with its age.</li>
 * </ul>
 */
final class RatesCache {
    private final Supplier<FetchResult> fetcher;
    private final Clock clock;
    private final Duration ttl;
    private final Duration retryAfter;
    private final Duration waitLimit;
    private final AtomicReference<CompletableFuture<FetchResult>> inFlight = new AtomicReference<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Snapshot lastGood;
    private volatile Failure lastFailure;

    /** Good data and when it was fetched. */
    record Snapshot(Rates rates, Instant fetchedAt) {
    }

    /** The latest failure, when it happened. */
    record Failure(FetchResult.Failed result, Instant at) {
    }

    /** What a reader gets: data (maybe stale) and, when the last call failed, why. */
    record View(Optional<Snapshot> data, Optional<Failure> failure) {
    }

    RatesCache(Supplier<FetchResult> fetcher, Clock clock, Duration ttl, Duration retryAfter, Duration waitLimit) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.ttl = ttl;
        this.retryAfter = retryAfter;
        this.waitLimit = waitLimit;
    }

    View current() {
        if (isFresh(lastGood) || recentlyFailed()) {
            return view();
        }
        CompletableFuture<FetchResult> mine = new CompletableFuture<>();
        CompletableFuture<FetchResult> running = inFlight.compareAndExchange(null, mine);
        if (running == null) {
            lead(mine);
        } else {
            follow(running);
        }
        return view();
    }

    private void lead(CompletableFuture<FetchResult> mine) {
        try {
            // Another leader may have finished between our freshness check and winning the slot.
            if (!isFresh(lastGood)) {
                record(fetcher.get());
            }
        } finally {
            inFlight.set(null);
            mine.complete(null);
        }
    }

    private void follow(CompletableFuture<FetchResult> running) {
        waiting.incrementAndGet();
        try {
            running.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The leader records the outcome; the follower shows whatever is known now.
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void record(FetchResult result) {
        Instant now = clock.instant();
        switch (result) {
            case FetchResult.Ok ok -> {
                lastGood = new Snapshot(ok.rates(), now);
                lastFailure = null;
            }
            case FetchResult.Failed failed -> lastFailure = new Failure(failed, now);
        }
    }

    private View view() {
        return new View(Optional.ofNullable(lastGood), Optional.ofNullable(lastFailure));
    }

    private boolean isFresh(Snapshot s) {
        return s != null && clock.instant().isBefore(s.fetchedAt().plus(ttl));
    }

    private boolean recentlyFailed() {
        Failure f = lastFailure;
        return f != null && clock.instant().isBefore(f.at().plus(retryAfter));
    }

    /** Readers waiting for a refresh another request is making (for tests of the single flight). */
    int waiting() {
        return waiting.get();
    }
}
