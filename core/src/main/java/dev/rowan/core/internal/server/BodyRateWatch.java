package dev.rowan.core.internal.server;

import io.netty.channel.Channel;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches how fast one request body arrives ({@code server.min-body-rate}, after
 * {@code server.min-body-rate-grace}), like Kestrel's MinRequestBodyDataRate: a client that sends
 * a byte now and then keeps the idle timer from firing while it holds a connection and a request
 * thread. The rate is the average since the body began, counted only while Rowan reads: when
 * reading is paused because the handler has not taken what arrived, the time is not the client's.
 *
 * <p>Threads: event loop only. One per connection, reused for each body.
 */
final class BodyRateWatch {
    private final Channel channel;
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long tickNanos;
    private final Runnable tooSlow;
    private ScheduledFuture<?> ticks;
    private long bytes;
    private long countedNanos;
    private long lastTick;

    BodyRateWatch(Channel channel, long minBytesPerSecond, Duration grace, Runnable tooSlow) {
        this.channel = channel;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
        // Often enough to act soon after the grace period, rarely enough to cost nothing.
        this.tickNanos = Math.clamp(graceNanos / 4, TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(1));
        this.tooSlow = tooSlow;
    }

    void start() {
        stop();
        bytes = 0;
        countedNanos = 0;
        lastTick = System.nanoTime();
        ticks = channel.eventLoop().scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    void received(int n) {
        bytes += n;
    }

    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        long elapsed = now - lastTick;
        lastTick = now;
        if (!channel.config().isAutoRead()) {
            return;
        }
        countedNanos += elapsed;
        if (countedNanos >= graceNanos && bytes < minBytesPerSecond * (countedNanos / 1e9)) {
            stop();
            tooSlow.run();
        }
    }
}
