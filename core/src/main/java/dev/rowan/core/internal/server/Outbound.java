package dev.rowan.core.internal.server;

import dev.rowan.core.internal.ServerSettings;
import dev.rowan.core.spi.ServerExchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outbound side of one connection: an ordered queue of response parts that the event loop
 * writes out, so responses produced while the event loop was busy share one flush; back-pressure
 * for streamed bodies; and the polite (lingering) close once the last response is written. One
 * per {@link ConnectionHandler}, which decides what is sent and when the connection ends; this
 * class only gets it onto the wire in order.
 *
 * <p>Threads: {@link #send}, {@link #sendAndClose}, {@link #closeAfterWrites} and
 * {@link #sendChunk} may be called from any thread (the request's virtual thread, or the event
 * loop for inline handlers and rejections); {@link #awaitWritable} by the thread that streams, and
 * it only waits off the event loop. The queue, {@link #writeScheduled}, {@link #streamBytes}, the
 * lock and the volatile {@link #writerWaiting} are shared between the two sides. Fields without a
 * note belong to the event loop, and so do the other methods: the queue is only ever drained
 * there, so parts leave in the order they were queued. {@link #channel} and
 * {@link #encoderContext} are set once, in {@link #attach}, before any request is decoded; request
 * threads see them through the hand-off of their exchange.
 */
final class Outbound {
    /** Streamed bytes queued for the event loop before the writer waits. */
    private static final long STREAM_HIGH_WATER = 256 * 1024;
    /** Marks, in {@link #queue}, that the connection closes once everything before it is written. */
    private static final Object CLOSE = new Object();
    /** An upper bound for draining input after the last response before the socket is closed. */
    private static final long LINGER_MILLIS = 2_000;

    private final ConnectionHandler connection;
    private final ServerSettings settings;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final AtomicLong streamBytes = new AtomicLong();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Condition writable = writeLock.newCondition();
    private final Runnable writeOutTask = this::writeOut;
    private Channel channel;
    /** Full responses Rowan encoded itself are written from here, past Netty's HTTP encoder. */
    private ChannelHandlerContext encoderContext;
    /** True inside channelRead: writes made then are flushed once, in channelReadComplete. */
    private boolean reading;
    private boolean flushPending;
    private boolean closeStarted;
    private volatile boolean writerWaiting;

    Outbound(ConnectionHandler connection, ServerSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    /** Event loop, when the handler joins the pipeline: where parts are written to. */
    void attach(Channel channel, ChannelHandlerContext encoderContext) {
        this.channel = channel;
        this.encoderContext = encoderContext;
    }

    /** Event loop: true when nothing is queued here or in Netty's buffer, so closing now loses no byte. */
    boolean allWritten() {
        var buffer = channel.unsafe().outboundBuffer();
        return queue.isEmpty() && (buffer == null || buffer.isEmpty());
    }

        /** True once the connection began to close: nothing more is written, reading is no longer managed. */
    boolean closeStarted() {
        return closeStarted;
    }

    // ------------------------------------------------------------------ batching with reads (event loop)

    /** The event loop entered channelRead: writes from now on only mark a flush. */
    void readStarted() {
        reading = true;
    }

    void readFinished() {
        reading = false;
    }

    /** channelReadComplete: one flush for everything written during the read batch. */
    void readComplete() {
        if (flushPending) {
            flushPending = false;
            channel.flush();
        }
    }

    // ------------------------------------------------------------------ queueing (any thread)

    /** Queues a response part; the event loop writes queued parts in order and flushes once per batch. */
    void send(Object message) {
        queue.add(message);
        scheduleWrite();
    }

    /** Queues a final part; the connection closes once it is written. */
    void sendAndClose(Object message) {
        queue.add(message);
        queue.add(CLOSE);
        scheduleWrite();
    }

    /** The connection closes once everything queued so far is written. */
    void closeAfterWrites() {
        queue.add(CLOSE);
        scheduleWrite();
    }

    /** Streams a body chunk; the caller then waits in {@link #awaitWritable()} if too much is queued. */
    void sendChunk(HttpContent chunk) {
        streamBytes.addAndGet(chunk.content().readableBytes());
        send(chunk);
    }

    private void scheduleWrite() {
        if (channel.eventLoop().inEventLoop()) {
            writeOut();
        } else if (writeScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(writeOutTask);
        }
    }

    // ------------------------------------------------------------------ writing (event loop)

    /** Event loop: writes everything queued, in order, with one flush. */
    private void writeOut() {
        writeScheduled.set(false);
        boolean wrote = false;
        Object m;
        while ((m = queue.poll()) != null) {
            if (m == CLOSE) {
                if (!closeStarted) {
                    closeStarted = true;
                    // Netty's HTTP encoder lets an empty buffer through: its future completes after everything before it.
                    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(this::lingerClose);
                }
                wrote = false;
            } else {
                if (m instanceof HttpContent c && !(m instanceof LastHttpContent)) {
                    streamBytes.addAndGet(-c.content().readableBytes());
                }
                if (closeStarted || !channel.isActive()) {
                    ReferenceCountUtil.release(m);
                    continue;
                }
                if (m instanceof ByteBuf encoded && encoderContext != null) {
                    encoderContext.write(encoded, encoderContext.voidPromise());
                } else {
                    channel.write(m, channel.voidPromise());
                }
                wrote = true;
            }
        }
        if (wrote) {
            if (reading) {
                flushPending = true;
            } else {
                channel.flush();
            }
        }
        if (writerWaiting) {
            signalWriters();
        }
    }

    /**
     * Closes politely: sends FIN, then reads and drops what the client still sends for a while.
     * Closing a socket with unread input makes the kernel send RST, which can destroy the response
     * the client has not read yet (for example after a large body the handler did not want).
     */
    private void lingerClose(io.netty.util.concurrent.Future<? super Void> written) {
        connection.dropInput();
        if (!written.isSuccess() || !(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            channel.close();
            return;
        }
        if (channel.pipeline().get("decoder") != null) {
            channel.pipeline().remove("decoder");
        }
        duplex.shutdownOutput().addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                channel.close();
                return;
            }
            channel.config().setAutoRead(true);
            var deadline = channel.eventLoop().schedule(() -> {
                channel.close();
            }, Math.min(LINGER_MILLIS, Math.max(100, settings.idleTimeout().toMillis())), TimeUnit.MILLISECONDS);
            // A client that closes first must not leave its channel held by the timer until it fires.
            channel.closeFuture().addListener(closed -> deadline.cancel(false));
        });
    }

    /** Event loop, on channelInactive: frees what can no longer be written and wakes a waiting writer. */
    void discardAll() {
        Object m;
        while ((m = queue.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
        signalWriters();
    }

    // ------------------------------------------------------------------ back-pressure (request thread)

    /** Blocks the calling request thread while the socket cannot take more of a streamed body. */
    void awaitWritable() throws IOException {
        if (channel.isWritable() && streamBytes.get() <= STREAM_HIGH_WATER) {
            return;
        }
        if (channel.eventLoop().inEventLoop()) {
            // A non-blocking handler streamed (against its contract): waiting here would stall the
            // loop that has to do the writing. Push what is queued out and carry on unthrottled.
            writeOut();
            channel.flush();
            return;
        }
        long timeout = settings.idleTimeout().toNanos();
        writeLock.lock();
        try {
            writerWaiting = true;
            while (!channel.isWritable() || streamBytes.get() > STREAM_HIGH_WATER) {
                if (!channel.isActive()) {
                    throw new ServerExchange.ClientDisconnectedException("The client closed the connection");
                }
                if (timeout <= 0) {
                    channel.close();
                    throw new ServerExchange.ClientDisconnectedException("The client stopped reading the response");
                }
                timeout = writable.awaitNanos(timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while sending", e);
        } finally {
            writerWaiting = false;
            writeLock.unlock();
        }
    }

    /** Event loop, on channelWritabilityChanged: a waiting writer looks again. */
    void writabilityChanged() {
        if (writerWaiting) {
            signalWriters();
        }
    }

    private void signalWriters() {
        writeLock.lock();
        try {
            writable.signalAll();
        } finally {
            writeLock.unlock();
        }
    }
}
