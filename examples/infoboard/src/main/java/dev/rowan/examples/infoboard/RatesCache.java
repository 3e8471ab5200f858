package dev.rowan.examples.infoboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
 *   <li>Stale while revalidate: once the TTL has passed, the stale data is served at once and a refresh
 *       runs in the background; only a board that has no data yet waits for the call.</li>
 *   <li>Single flight: at most one call is in flight; readers that need its result wait for that one
 *       instead of calling too, so a burst of readers cannot stampede the upstream.</li>
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
    private final Executor background;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Snapshot lastGood;
    private volatile Failure lastFailure;

    /** Good data and when it was fetched. */
    record Snapshot(Rates rates, Instant fetchedAt) {
    }

    /** The latest failure, when it happened. */
    record Failure(FetchResult.Failed result, Instant at) {
    }

    /** What a reader gets: data (maybe stale), why the last call failed, and whether a refresh is running. */
    record View(Optional<Snapshot> data, Optional<Failure> failure, boolean refreshing) {
    }

    RatesCache(Supplier<FetchResult> fetcher, Clock clock, Duration ttl, Duration retryAfter, Duration waitLimit,
               Executor background) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.ttl = ttl;
        this.retryAfter = retryAfter;
        this.waitLimit = waitLimit;
        this.background = background;
    }

    View current() {
        if (isFresh(lastGood) || recentlyFailed()) {
            return view();
        }
        CompletableFuture<Void> refresh = refresh();
        if (lastGood == null) {
            await(refresh);
        }
        return view();
    }

    /** The refresh in flight, or a new one started on the background executor. */
    private CompletableFuture<Void> refresh() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        try {
            background.execute(() -> run(mine));
        } catch (RejectedExecutionException e) {   // the app is stopping
            finish(mine);
        }
        return mine;
    }

    private void run(CompletableFuture<Void> mine) {
        try {
            // Another refresh may have finished between a reader's freshness check and this one starting.
            if (!isFresh(lastGood)) {
                record(fetcher.get());
            }
        } finally {
            finish(mine);
        }
    }

    private void finish(CompletableFuture<Void> mine) {
        inFlight.set(null);
        mine.complete(null);
    }

    private void await(CompletableFuture<Void> running) {
        waiting.incrementAndGet();
        try {
            running.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The refresh records the outcome; the reader shows whatever is known now.
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
        return new View(Optional.ofNullable(lastGood), Optional.ofNullable(lastFailure), inFlight.get() != null);
    }

    private boolean isFresh(Snapshot s) {
        return s != null && clock.instant().isBefore(s.fetchedAt().plus(ttl));
    }

    private boolean recentlyFailed() {
        Failure f = lastFailure;
        return f != null && clock.instant().isBefore(f.at().plus(retryAfter));
    }

    /** Readers waiting for a refresh (for tests of the single flight). */
    int waiting() {
        return waiting.get();
    }

    /** The refresh in flight, if any (tests wait on it instead of sleeping). */
    Optional<CompletableFuture<Void>> refreshing() {
        return Optional.ofNullable(inFlight.get());
    }
}
