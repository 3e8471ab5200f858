package dev.rowan.core.internal.server;

import dev.rowan.core.HttpException;
import dev.rowan.core.internal.Dispatcher;
import dev.rowan.core.internal.ServerSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
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
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection. The event loop decodes, checks framing and decides when to read; requests run
 * one at a time, in order, on a virtual thread, so pipelined responses leave in the order the
 * requests came. Responses go through one ordered queue that the event loop writes out, so
 * responses produced while the event loop was busy share one flush.
 *
 * <p>Routes marked {@link dev.rowan.core.Handler#nonBlocking} run inline on the event loop when
 * the request has no body and nothing else of this connection is queued or running; their
 * responses are written during the read and flushed once when the read batch completes.
 *
 * <p>Threads: fields without a note belong to the event loop. {@link #pending}, {@link #queued},
 * {@link #outbound} and the flags marked volatile are shared with the request thread.
 * Anything after a framing error or a {@code Connection: close} exchange is never answered.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    /** Requests decoded ahead of the one being handled before reading pauses. */
    private static final int MAX_PIPELINED = 64;
    /** Streamed bytes queued for the event loop before the writer waits. */
    private static final long STREAM_HIGH_WATER = 256 * 1024;
    /** Marks, in {@link #outbound}, that the connection closes once everything before it is written. */
    private static final Object CLOSE = new Object();
    /** An upper bound for draining input after the last response before the socket is closed. */
    private static final long LINGER_MILLIS = 2_000;

    private final Dispatcher dispatcher;
    private final ServerSettings settings;
    private final NettyServer server;
    private final ConcurrentLinkedQueue<NettyExchange> pending = new ConcurrentLinkedQueue<>();
    /** Exchanges enqueued and not yet finished (pending plus the one running). */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Object> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final AtomicLong streamBytes = new AtomicLong();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Condition writable = writeLock.newCondition();
    private final Runnable writeOutTask = this::writeOut;
    private final Runnable updateReadingTask = this::updateReading;
    private final Runnable drainTask = this::drain;
    private Channel channel;
    /** Full responses Rowan encoded itself are written from here, past Netty's HTTP encoder. */
    private ChannelHandlerContext encoderContext;
    private NettyExchange receiving;
    /** True inside channelRead: writes made then are flushed once, in channelReadComplete. */
    private boolean reading;
    private boolean flushPending;
    private boolean ignoreInput;
    private boolean closeStarted;
    /** Set by the event loop when it paused reading; the request thread then asks it to look again. */
    private volatile boolean paused;
    /** Set once a response that ends the connection is queued: later requests are not handled. */
    private volatile boolean closing;
    private volatile boolean writerWaiting;

    ConnectionHandler(Dispatcher dispatcher, ServerSettings settings, NettyServer server) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.server = server;
    }

    Channel channel() {
        return channel;
    }

    boolean shuttingDown() {
        return server.shuttingDown();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        encoderContext = ctx.pipeline().context("encoder");
    }

    // ------------------------------------------------------------------ reading (event loop)

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
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
            reading = false;
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (flushPending) {
            flushPending = false;
            channel.flush();
        }
        super.channelReadComplete(ctx);
    }

    private void onRequest(HttpRequest request) {
        String problem = framingProblem(request);
        if (problem != null) {
            return;
        }
        HttpHeaders h = request.headers();
        boolean chunked = h.contains(HttpHeaderNames.TRANSFER_ENCODING);
        long length = chunked ? -1 : HttpUtil.getContentLength(request, 0L);
        if (length > settings.maxBodySize()) {
            reject(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "The request body of " + length + " bytes is larger than the limit of "
                    + settings.maxBodySize() + " bytes.");
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !server.shuttingDown();
        BodyPipe pipe = chunked || length > 0
                ? new BodyPipe(settings.maxBodySize(), BodyPipe.timeoutNanos(settings.idleTimeout()), this::bodyDrained) : null;
        var exchange = new NettyExchange(this, request, pipe, length, keepAlive, pipe != null && HttpUtil.is100ContinueExpected(request));
        receiving = pipe != null ? exchange : null;
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

    /**
     * Checks what Netty decoded before anything is routed; answers and returns a non-null reason
     * when the request must not be handled. Netty 4.2 already rejects (as a failed decoder result)
     * bad Content-Length values, transfer codings that do not end in chunked, Transfer-Encoding in
     * HTTP/1.0, chunk sizes over 2^31-1, bare LF line ends and control characters in header values.
     */
    private String framingProblem(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                return reject(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is longer than " + settings.maxInitialLineLength() + " bytes.");
            }
            if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                return reject(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are larger than " + settings.maxHeaderSize() + " bytes.");
            }
            return reject(HttpResponseStatus.BAD_REQUEST, "The request is malformed: " + describe(cause));
        }
        HttpVersion version = request.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            return reject(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "Only HTTP/1.1 and HTTP/1.0 are supported.");
        }
        if (!isPlainTarget(request.uri())) {
            return reject(HttpResponseStatus.BAD_REQUEST, "The request target contains control or non-ASCII characters.");
        }
        HttpHeaders h = request.headers();
        Iterator<? extends CharSequence> hosts = h.valueCharSequenceIterator(HttpHeaderNames.HOST);
        boolean hasHost = hosts.hasNext();
        if (hasHost) {
            hosts.next();
        }
        if (hosts.hasNext() || !hasHost && version == HttpVersion.HTTP_1_1) {
            // RFC 9112 §3.2: exactly one Host in HTTP/1.1; two could each be trusted by a different hop.
            return reject(HttpResponseStatus.BAD_REQUEST, hasHost ? "The request has more than one Host header." : "The request has no Host header.");
        }
        if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            if (version == HttpVersion.HTTP_1_0) {
                return reject(HttpResponseStatus.BAD_REQUEST, "Transfer-Encoding is not allowed in HTTP/1.0 requests.");
            }
            if (h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                return reject(HttpResponseStatus.BAD_REQUEST, "Content-Length and Transfer-Encoding were both sent.");
            }
            List<String> te = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
            if (te.size() != 1 || !te.get(0).strip().equalsIgnoreCase("chunked")) {
                return reject(HttpResponseStatus.NOT_IMPLEMENTED, "Only 'Transfer-Encoding: chunked' is supported.");
            }
        }
        return null;
    }

    private static boolean isPlainTarget(String uri) {
        for (int i = 0, n = uri.length(); i < n; i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return !uri.isEmpty();
    }

    private void onContent(HttpContent content) {
        NettyExchange target = receiving;
        if (content.decoderResult().isFailure()) {
            String message = "The request body is malformed: " + describe(content.decoderResult().cause());
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
            ignoreInput = true;
            receiving = null;
            target.closeAfterResponse();
            updateReading();
            return;
        }
        if (content instanceof LastHttpContent) {
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
        if (closeStarted) {
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

    /** Queues a response part; the event loop writes queued parts in order and flushes once per batch. */
    void send(Object message) {
        outbound.add(message);
        scheduleWrite();
    }

    /** Queues a final part; nothing after it is answered and the connection closes once it is written. */
    void sendAndClose(Object message) {
        closing = true;
        outbound.add(message);
        outbound.add(CLOSE);
        scheduleWrite();
    }

    void closeAfterWrites() {
        closing = true;
        outbound.add(CLOSE);
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

    /** Event loop: writes everything queued, in order, with one flush. */
    private void writeOut() {
        writeScheduled.set(false);
        boolean wrote = false;
        Object m;
        while ((m = outbound.poll()) != null) {
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
        ignoreInput = true;
        paused = false;
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
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, Math.min(LINGER_MILLIS, Math.max(100, settings.idleTimeout().toMillis())), TimeUnit.MILLISECONDS);
        });
    }

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
                    throw new IOException("The client closed the connection");
                }
                if (timeout <= 0) {
                    channel.close();
                    throw new IOException("The client stopped reading the response");
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

    private void signalWriters() {
        writeLock.lock();
        try {
            writable.signalAll();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (writerWaiting) {
            signalWriters();
        }
        super.channelWritabilityChanged(ctx);
    }

    // ------------------------------------------------------------------ connection events (event loop)

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ignoreInput = true;
        closing = true;
        NettyExchange r = receiving;
        receiving = null;
        if (r != null) {
            r.pipe().fail(new IOException("The client closed the connection before the body was complete"));
        }
        Object m;
        while ((m = outbound.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
        signalWriters();
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            NettyExchange r = receiving;
            if (r != null) {
                String message = "The client stopped sending the request body.";
                r.pipe().fail(new IOException(message, HttpException.of(408, message)));
            }
            if (queued.get() == 0) {
                ctx.close();
            }
            return;
        }
        if (evt == NettyServer.SHUTDOWN) {
            if (queued.get() == 0 && receiving == null) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Connection resets and the like: nothing to answer, just let go of the connection.
        ctx.close();
    }

    /** Answers a request that cannot be processed and closes: after bad framing nothing more can be trusted. */
    private String reject(HttpResponseStatus status, String message) {
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
        return message;
    }

    private static String describe(Throwable t) {
        String m = t == null ? null : t.getMessage();
        if (m == null || m.isBlank()) {
            return t == null ? "unknown error" : t.getClass().getSimpleName();
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
