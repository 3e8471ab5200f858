package dev.rowan.core.internal.server;

import dev.rowan.core.spi.ServerExchange;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body flowing from the event loop (producer) to the handler's virtual thread (consumer).
 * When too much is buffered, reading from the socket pauses until the handler catches up, so a
 * large upload never sits in memory whole.
 */
final class BodyPipe extends InputStream {
    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 64 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private final long limit;
    private final long readTimeoutNanos;
    private final Runnable onLow;
    private ByteBuf current;
    private long queued;
    private long received;
    private boolean complete;
    private boolean closed;
    private IOException failure;

    BodyPipe(long limit, long readTimeoutNanos, Runnable onLow) {
        this.limit = limit;
        this.readTimeoutNanos = readTimeoutNanos;
        this.onLow = onLow;
    }

    /** Event loop: adds a chunk; returns false when the body went over the limit. */
    boolean offer(ByteBuf chunk) {
        lock.lock();
        try {
            received += chunk.readableBytes();
            if (received > limit) {
                failure = new ServerExchange.BodyTooLargeException(limit);
                changed.signalAll();
                return false;
            }
            if (closed || failure != null) {
                return true;
            }
            if (chunk.isReadable()) {
                queue.add(chunk.retain());
                queued += chunk.readableBytes();
                changed.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean overHighWater() {
        lock.lock();
        try {
            return queued > HIGH_WATER;
        } finally {
            lock.unlock();
        }
    }

    void complete() {
        lock.lock();
        try {
            complete = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void fail(IOException e) {
        lock.lock();
        try {
            if (failure == null && !complete) {
                failure = e;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isComplete() {
        lock.lock();
        try {
            return complete && failure == null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        lock.lock();
        try {
            if (current != null && current.isReadable()) {
                return current.readByte() & 0xff;
            }
        } finally {
            lock.unlock();
        }
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        boolean wake = false;
        lock.lock();
        try {
            while (current == null || !current.isReadable()) {
                if (current != null) {
                    current.release();
                    current = null;
                }
                if (failure != null) {
                    throw failure;
                }
                ByteBuf next = queue.poll();
                if (next != null) {
                    current = next;
                    long before = queued;
                    queued -= next.readableBytes();
                    wake = before > LOW_WATER && queued <= LOW_WATER;
                    continue;
                }
                if (complete || closed) {
                    return -1;
                }
                if (changed.awaitNanos(readTimeoutNanos) <= 0 && queue.isEmpty() && !complete && failure == null) {
                    String message = "The client stopped sending the request body.";
                    throw new IOException(message, dev.rowan.core.HttpException.of(408, message));
                }
            }
            int n = Math.min(len, current.readableBytes());
            current.readBytes(b, off, n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the request body", e);
        } finally {
            lock.unlock();
            if (wake) {
                onLow.run();
            }
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return current == null ? 0 : current.readableBytes();
        } finally {
            lock.unlock();
        }
    }

    /** Frees buffered chunks; later chunks are dropped. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (current != null) {
                current.release();
                current = null;
            }
            ByteBuf b;
            while ((b = queue.poll()) != null) {
                b.release();
            }
            queued = 0;
        } finally {
            lock.unlock();
        }
        onLow.run();
    }

    static long timeoutNanos(java.time.Duration d) {
        return TimeUnit.MILLISECONDS.toNanos(d.toMillis());
    }
}
