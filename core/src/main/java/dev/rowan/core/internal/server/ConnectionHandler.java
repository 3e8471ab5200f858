package dev.rowan.core.internal.server;

import dev.rowan.core.HttpException;
import dev.rowan.core.internal.Dispatcher;
import dev.rowan.core.internal.ServerSettings;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection. The event loop decodes, checks framing ({@link FramingRules}) and decides when
 * to read; requests run one at a time, in order, on a virtual thread, so pipelined responses leave
 * in the order the requests came. Responses go through one ordered queue that the event loop
 * writes out ({@link Outbound}), so responses produced while the event loop was busy share one
 * flush.
 *
 * <p>Routes marked {@link dev.rowan.core.Handler#nonBlocking} run inline on the event loop when
 * the request has no body and nothing else of this connection is queued or running; their
 * responses are written during the read and flushed once when the read batch completes.
 *
 * <p>Threads: fields without a note belong to the event loop. {@link #pending}, {@link #queued},
 * {@link #outbound} (see its own rules) and the flags marked volatile are shared with the request
 * thread. Anything after a framing error or a {@code Connection: close} exchange is never answered.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    /** Requests decoded ahead of the one being handled before reading pauses. */
    private static final int MAX_PIPELINED = 64;

    private final Dispatcher dispatcher;
    private final ServerSettings settings;
    private final NettyServer server;
    private final ConcurrentLinkedQueue<NettyExchange> pending = new ConcurrentLinkedQueue<>();
    /** Exchanges enqueued and not yet finished (pending plus the one running). */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Outbound outbound;
    private final Runnable updateReadingTask = this::updateReading;
    private final Runnable drainTask = this::drain;
    private Channel channel;
    /** Null when {@code server.min-body-rate} is 0. */
    private BodyRateWatch bodyRate;
    private NettyExchange receiving;
    private boolean ignoreInput;
    /** Set by the event loop when it paused reading; the request thread then asks it to look again. */
    private volatile boolean paused;
    /** Set once a response that ends the connection is queued: later requests are not handled. */
    private volatile boolean closing;
    /** Event loop only: the stop's grace for an idle connection was scheduled, and has run out. */
    private boolean idleGraceStarted;
    private boolean idleGraceOver;

    ConnectionHandler(Dispatcher dispatcher, ServerSettings settings, NettyServer server) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.server = server;
        this.outbound = new Outbound(this, settings);
    }

    Channel channel() {
        return channel;
    }

    boolean shuttingDown() {
        return server.shuttingDown();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        outbound.attach(channel, ctx.pipeline().context("encoder"));
        if (settings.minBodyRate() > 0) {
            bodyRate = new BodyRateWatch(channel, settings.minBodyRate(), settings.minBodyRateGrace(), this::bodyTooSlow);
        }
    }

    // ------------------------------------------------------------------ reading (event loop)

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        outbound.readStarted();
        try {
            if (ignoreInput) {
                return;
            }
            if (msg instanceof HttpRequest request) {
                onRequest(request);
            }
            if (msg instanceof HttpContent content && !ignoreInput) {
                onContent(content);
            }
        } finally {
            outbound.readFinished();
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        outbound.readComplete();
        super.channelReadComplete(ctx);
    }

    private void onRequest(HttpRequest request) {
        FramingRules.Problem problem = FramingRules.check(request, settings);
        if (problem != null) {
            reject(problem.status(), problem.message());
            return;
        }
        HttpHeaders h = request.headers();
        boolean chunked = h.contains(HttpHeaderNames.TRANSFER_ENCODING);
        long length = chunked ? -1 : HttpUtil.getContentLength(request, 0L);
        if (length > settings.maxBodySize()) {
            // The body is never read; the app answers 413 with its own error page (the dispatcher sees the
            // declared length), then the connection closes, since the unread body cannot be skipped.
            ignoreInput = true;
            updateReading();
            enqueue(new NettyExchange(this, request, null, length, false, false));
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !server.shuttingDown();
        BodyPipe pipe = chunked || length > 0
                ? new BodyPipe(settings.maxBodySize(), BodyPipe.timeoutNanos(settings.idleTimeout()), this::bodyDrained) : null;
        var exchange = new NettyExchange(this, request, pipe, length, keepAlive, pipe != null && HttpUtil.is100ContinueExpected(request));
        receiving = pipe != null ? exchange : null;
        if (pipe != null && bodyRate != null) {
            bodyRate.start();
        }
        if (!keepAlive && pipe == null) {
            // Whatever follows a "Connection: close" request is not a request we will answer.
            ignoreInput = true;
        }
        if (pipe == null && queued.get() == 0 && !closing && dispatcher.runsInline(request.method().name(), request.uri())) {
            runInline(exchange);
        } else {
            enqueue(exchange);
        }
    }

    /** A non-blocking route with nothing ahead of it: answer right here, on the event loop. */
    private void runInline(NettyExchange exchange) {
        server.requestStarted();
        try {
            process(exchange);
        } finally {
            server.requestFinished();
        }
    }

    private void onContent(HttpContent content) {
        NettyExchange target = receiving;
        if (target != null && bodyRate != null) {
            bodyRate.received(content.content().readableBytes());
        }
        if (content.decoderResult().isFailure()) {
            stopBodyRate();
            String message = "The request body is malformed: " + FramingRules.describe(content.decoderResult().cause());
            ignoreInput = true;
            receiving = null;
            if (target != null) {
                // The handler may already be running: it sees a failed read, which Rowan answers with 400.
                target.pipe().fail(new IOException(message, HttpException.badRequest(message)));
                target.closeAfterResponse();
            } else {
                reject(HttpResponseStatus.BAD_REQUEST, message);
            }
            return;
        }
        if (target == null) {
            return;
        }
        if (!target.pipe().offer(content.content())) {
            // Over the limit: stop reading; the handler sees BodyTooLargeException (413) and the connection closes.
            stopBodyRate();
            ignoreInput = true;
            receiving = null;
            target.closeAfterResponse();
            updateReading();
            return;
        }
        if (content instanceof LastHttpContent) {
            stopBodyRate();
            target.pipe().complete();
            receiving = null;
            if (!target.keepAliveRequested()) {
                ignoreInput = true;
            }
        }
        if (target.pipe().overHighWater()) {
            updateReading();
        }
    }

    private void stopBodyRate() {
        if (bodyRate != null) {
            bodyRate.stop();
        }
    }

    /** The body arrives slower than server.min-body-rate: the handler's read fails (408) and the connection closes. */
    private void bodyTooSlow() {
        NettyExchange r = receiving;
        if (r == null) {
            return;
        }
        String message = "The request body arrived slower than " + settings.minBodyRate() + " bytes per second (server.min-body-rate).";
        ignoreInput = true;
        receiving = null;
        r.pipe().fail(new IOException(message, HttpException.of(408, message)));
        r.closeAfterResponse();
        updateReading();
    }

    private void enqueue(NettyExchange exchange) {
        server.requestStarted();
        pending.add(exchange);
        if (queued.incrementAndGet() > MAX_PIPELINED) {
            updateReading();
        }
        if (running.compareAndSet(false, true)) {
            server.startWorker(drainTask, channel.eventLoop());
        }
    }

    /**
     * Reads from the socket only while the pipeline queue and the body buffer have room. Runs on
     * the event loop only, so pausing and resuming cannot race; the request thread asks for it
     * through {@link #askToUpdateReading()} after it made room.
     */
    private void updateReading() {
        if (outbound.closeStarted()) {
            return;
        }
        NettyExchange r = receiving;
        boolean read = !ignoreInput && queued.get() <= MAX_PIPELINED && (r == null || !r.pipe().overHighWater());
        paused = !read;
        if (read != channel.config().isAutoRead()) {
            channel.config().setAutoRead(read);
        }
        // The request thread may have made room between the check above and "paused" becoming visible.
        if (!read && queued.get() <= MAX_PIPELINED && (r == null || !r.pipe().overHighWater()) && !ignoreInput) {
            channel.config().setAutoRead(true);
            paused = false;
        }
    }

    private void askToUpdateReading() {
        channel.eventLoop().execute(updateReadingTask);
    }

    /** The handler read the body buffer down: reading may resume. */
    private void bodyDrained() {
        // Safe without a lost wake-up: the event loop sets "paused" before it re-checks the buffer under its lock.
        if (paused) {
            askToUpdateReading();
        }
    }

    /** {@link Outbound}'s lingering close began: from now on input is read and dropped, never paused. */
    void dropInput() {
        ignoreInput = true;
        paused = false;
    }

    // ------------------------------------------------------------------ handling (request thread)

    private void drain() {
        for (;;) {
            NettyExchange exchange;
            while ((exchange = pending.poll()) != null) {
                if (closing) {
                    discard(exchange);
                } else if (exchange.rejection() != null) {
                    sendAndClose(exchange.rejection());
                } else {
                    process(exchange);
                }
                queued.decrementAndGet();
                server.requestFinished();
                if (paused) {
                    askToUpdateReading();
                }
            }
            running.set(false);
            if (server.shuttingDown()) {
                // An answer sent before the stop began kept the connection open; the stop found it busy.
                channel.eventLoop().execute(this::closeIfIdleForShutdown);
            }
            if (pending.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void process(NettyExchange exchange) {
        try {
            dispatcher.handle(exchange);
            exchange.ensureAnswered();
        } catch (RuntimeException | Error e) {
            System.getLogger("rowan").log(System.Logger.Level.ERROR, "Unexpected failure handling a request", e);
            closeAfterWrites();
        } finally {
            if (exchange.pipe() != null) {
                exchange.pipe().close();
            }
        }
    }

    private static void discard(NettyExchange exchange) {
        if (exchange.pipe() != null) {
            exchange.pipe().close();
        }
        ReferenceCountUtil.release(exchange.rejection());
    }

    // ------------------------------------------------------------------ writing (any thread)
    // NettyExchange talks to its connection only; the writing itself is Outbound's. What stays here
    // is "closing": once a part that ends the connection is queued, later requests are not handled.

    /** Queues a response part; the event loop writes queued parts in order and flushes once per batch. */
    void send(Object message) {
        outbound.send(message);
    }

    /** Queues a final part; nothing after it is answered and the connection closes once it is written. */
    void sendAndClose(Object message) {
        closing = true;
        outbound.sendAndClose(message);
    }

    /** Nothing more is answered; the connection closes once what is queued is written. */
    void closeAfterWrites() {
        closing = true;
        outbound.closeAfterWrites();
    }

    /** Streams a body chunk; the caller then waits in {@link #awaitWritable()} if too much is queued. */
    void sendChunk(HttpContent chunk) {
        outbound.sendChunk(chunk);
    }

    /** Blocks the calling request thread while the socket cannot take more of a streamed body. */
    void awaitWritable() throws IOException {
        outbound.awaitWritable();
    }

    // ------------------------------------------------------------------ connection events (event loop)

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        outbound.writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopBodyRate();
        ignoreInput = true;
        closing = true;
        NettyExchange r = receiving;
        receiving = null;
        if (r != null) {
            r.pipe().fail(new IOException("The client closed the connection before the body was complete"));
        }
        outbound.discardAll();
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            NettyExchange r = receiving;
            if (r != null) {
                stopBodyRate();
                String message = "The client stopped sending the request body.";
                r.pipe().fail(new IOException(message, HttpException.of(408, message)));
            }
            if (queued.get() == 0) {
                ctx.close();
            }
            return;
        }
        if (evt == StrictRequestDecoder.HEAD_TIMEOUT) {
            if (!ignoreInput) {
                reject(HttpResponseStatus.REQUEST_TIMEOUT, "The request line and headers did not arrive within "
                        + settings.headTimeout().toMillis() + " ms (server.head-timeout).");
            }
            return;
        }
        if (evt == NettyServer.SHUTDOWN) {
            closeIfIdleForShutdown();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    /**
     * Event loop, while the server stops: a connection with no request left to answer closes once
     * its answers are written. Closing it at once would drop what is still queued for the socket,
     * the answer to a request the app already carried out. An idle one first stays open for
     * {@code server.shutdown-idle-grace}: a proxy may have just picked it from its pool for a
     * request that is on its way, which is then answered with Connection: close; a proxy that found
     * the connection closed instead could not tell whether its POST was carried out.
     */
    private void closeIfIdleForShutdown() {
        if (queued.get() != 0 || receiving != null) {
            return;
        }
        if (!outbound.allWritten()) {
            outbound.closeAfterWrites();
        } else if (settings.shutdownIdleGrace().isZero() || idleGraceOver) {
            channel.close();
        } else if (!idleGraceStarted) {
            idleGraceStarted = true;
            channel.eventLoop().schedule(() -> {
                idleGraceOver = true;
                closeIfIdleForShutdown();
            }, settings.shutdownIdleGrace().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Connection resets and the like: nothing to answer, just let go of the connection.
        ctx.close();
    }

    /** Answers a request that cannot be processed and closes: after bad framing nothing more can be trusted. */
    private void reject(HttpResponseStatus status, String message) {
        ignoreInput = true;
        updateReading();
        byte[] body = (status.code() + " " + status.reasonPhrase() + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        HttpHeaders h = response.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        h.set(HttpHeaderNames.DATE, DateHeader.now());
        h.set("X-Content-Type-Options", "nosniff");
        if (queued.get() == 0) {
            // Every earlier exchange has queued its response already: this one goes right after.
            sendAndClose(response);
        } else {
            // Earlier pipelined requests are still being answered: this answer goes after theirs.
            enqueue(NettyExchange.rejected(this, response));
        }
    }
}
