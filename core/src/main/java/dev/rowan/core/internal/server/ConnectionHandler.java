package dev.rowan.core.internal.server;

import dev.rowan.core.internal.Dispatcher;
import dev.rowan.core.internal.ServerSettings;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection. The event loop decodes and checks framing; requests then run one at a time, in
 * order, on a virtual thread, so pipelined responses leave in the order requests came.
 * Anything after a framing error or a {@code Connection: close} request is never parsed as a request.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final int MAX_PIPELINED = 64;

    private final Dispatcher dispatcher;
    private final ServerSettings settings;
    private final NettyServer server;
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Condition writable = writeLock.newCondition();
    private Channel channel;
    private NettyExchange receiving;
    private volatile boolean ignoreInput;

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

    boolean hasPending() {
        return !pending.isEmpty();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (ignoreInput) {
                return;
            }
            if (msg instanceof HttpRequest request) {
                onRequest(request);
            }
            if (msg instanceof HttpContent content) {
                onContent(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequest(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                reject(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is longer than " + settings.maxInitialLineLength() + " bytes.");
            } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                reject(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are larger than " + settings.maxHeaderSize() + " bytes.");
            } else {
                reject(HttpResponseStatus.BAD_REQUEST, "The request is malformed: " + describe(cause));
            }
            return;
        }
        HttpHeaders h = request.headers();
        boolean chunked = false;
        List<String> te = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!te.isEmpty()) {
            if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
                reject(HttpResponseStatus.BAD_REQUEST, "Transfer-Encoding is not allowed in HTTP/1.0 requests.");
                return;
            }
            if (te.size() != 1 || !te.get(0).strip().toLowerCase(Locale.ROOT).equals("chunked")) {
                reject(HttpResponseStatus.NOT_IMPLEMENTED, "Only 'Transfer-Encoding: chunked' is supported.");
                return;
            }
            chunked = true;
        }
        long length = chunked ? -1 : HttpUtil.getContentLength(request, 0L);
        if (length > settings.maxBodySize()) {
            reject(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "The request body of " + length + " bytes is larger than the limit of "
                    + settings.maxBodySize() + " bytes.");
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !server.shuttingDown();
        BodyPipe pipe = chunked || length > 0
                ? new BodyPipe(settings.maxBodySize(), BodyPipe.timeoutNanos(settings.idleTimeout()), this::resumeIfQuiet) : null;
        if (pipe != null && HttpUtil.is100ContinueExpected(request)) {
            channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
        var exchange = new NettyExchange(this, request, pipe, length, keepAlive);
        receiving = pipe != null ? exchange : null;
        if (!keepAlive) {
            // Whatever follows a "Connection: close" request is not a request we will answer.
            ignoreInput = pipe == null;
        }
        enqueue(exchange);
    }

    private void onContent(HttpContent content) {
        NettyExchange target = receiving;
        if (content.decoderResult().isFailure()) {
            ignoreInput = true;
            if (target != null) {
                target.pipe().fail(new IOException("The request body is malformed: " + describe(content.decoderResult().cause())));
                target.closeAfterResponse();
            } else {
                reject(HttpResponseStatus.BAD_REQUEST, "The request body is malformed.");
            }
            return;
        }
        if (target == null) {
            return;
        }
        if (!target.pipe().offer(content.content())) {
            // Over the limit: stop reading; the handler sees a 413-worthy error and the connection closes.
            ignoreInput = true;
            target.closeAfterResponse();
            return;
        }
        if (content instanceof LastHttpContent) {
            target.pipe().complete();
            receiving = null;
            if (!HttpUtil.isKeepAlive(target.request())) {
                ignoreInput = true;
            }
        } else if (target.pipe().overHighWater()) {
            channel.config().setAutoRead(false);
        }
    }

    private void enqueue(Object exchange) {
        pending.add(exchange);
        if (pending.size() > MAX_PIPELINED) {
            channel.config().setAutoRead(false);
        }
        if (running.compareAndSet(false, true)) {
            server.workers().execute(this::drain);
        }
    }

    private void drain() {
        for (;;) {
            Object item;
            while ((item = pending.poll()) != null) {
                if (item instanceof NettyExchange exchange) {
                    process(exchange);
                } else {
                    channel.writeAndFlush(item).addListener(ChannelFutureListener.CLOSE);
                }
                resumeIfQuiet();
            }
            running.set(false);
            if (pending.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void process(NettyExchange exchange) {
        server.requestStarted();
        try {
            dispatcher.handle(exchange);
        } catch (RuntimeException e) {
            System.getLogger("rowan").log(System.Logger.Level.ERROR, "Unexpected failure handling a request", e);
            channel.close();
        } finally {
            if (exchange.pipe() != null) {
                exchange.pipe().close();
            }
            server.requestFinished();
        }
    }

    /** Resumes socket reads when neither the body buffer nor the pipeline queue is full. */
    private void resumeIfQuiet() {
        NettyExchange r = receiving;
        if (!ignoreInput && pending.size() <= MAX_PIPELINED && (r == null || !r.pipe().overHighWater()) && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    void stopReading() {
        ignoreInput = true;
    }

    /** Blocks the calling virtual thread while the socket's outbound buffer is full. */
    void awaitWritable() throws IOException {
        if (channel.isWritable()) {
            return;
        }
        writeLock.lock();
        try {
            while (!channel.isWritable()) {
                if (!channel.isActive()) {
                    throw new IOException("The client closed the connection");
                }
                writable.await(settings.idleTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while sending", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        signalWriters();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ignoreInput = true;
        NettyExchange r = receiving;
        if (r != null) {
            r.pipe().fail(new IOException("The client closed the connection before the body was complete"));
        }
        signalWriters();
        super.channelInactive(ctx);
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
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            NettyExchange r = receiving;
            if (r != null) {
                r.pipe().fail(new IOException("The client stopped sending the request body"));
            }
            if (pending.isEmpty()) {
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
    private void reject(HttpResponseStatus status, String message) {
        ignoreInput = true;
        byte[] body = (status.code() + " " + status.reasonPhrase() + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        HttpHeaders h = response.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        h.set(HttpHeaderNames.DATE, DateHeader.now());
        h.set("X-Content-Type-Options", "nosniff");
        if (pending.isEmpty() && !running.get()) {
            channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            // Earlier pipelined requests are still being answered: this answer goes after theirs.
            enqueue(response);
        }
    }

    private static String describe(Throwable t) {
        String m = t == null ? null : t.getMessage();
        if (m == null || m.isBlank()) {
            return t == null ? "unknown error" : t.getClass().getSimpleName();
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
