package dev.rowan.core.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ByteProcessor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty's request decoder with two framing rules made strict, so that no front proxy can read the
 * same bytes differently from us (RFC 9112 §6.3, §5.2):
 * <ul>
 * <li>A request with both {@code Content-Length} and {@code Transfer-Encoding} is marked failed.
 *     Netty would drop the Content-Length and go on; a proxy may have framed the bytes by
 *     Content-Length, which is how requests get smuggled.</li>
 * <li>A header line folded onto the next line (obs-fold: a line starting with a space or tab) is
 *     marked failed. Netty joins such lines into one value, so {@code "Transfer-Encoding:\r\n chunked"}
 *     would become chunked here while other parsers see an empty value.</li>
 * </ul>
 * Netty keeps its parse state private and joins folded lines before any hook sees them, so the
 * fold check looks at the bytes Netty itself consumed for the request head, after it parsed them:
 * it is not a second parser, only a watch for "line break followed by blank" in the head. Netty's
 * decode() returns right after it emits a message or the end of one, so the bytes consumed in one
 * call belong either to a head or to a body, never to both.
 */
final class StrictRequestDecoder extends HttpRequestDecoder implements ByteProcessor {
    /** Fired down the pipeline when a request head took longer than {@code server.head-timeout}. */
    static final Object HEAD_TIMEOUT = new Object();

    private final long headTimeoutNanos;
    private boolean inHead = true;
    private boolean headHasContent;
    private boolean atLineStart;
    private boolean folded;
    /** Armed when the first byte of a head arrives, cancelled when the head is complete. */
    private ScheduledFuture<?> headDeadline;

    StrictRequestDecoder(HttpDecoderConfig config, Duration headTimeout) {
        super(config);
        this.headTimeoutNanos = Math.max(1, headTimeout.toNanos());
    }

    /**
     * Checks the version text before Netty reads it, which it does leniently (any case, any
     * protocol name). RFC 9112 §2.3: exactly {@code HTTP/} digit {@code .} digit, case-sensitive;
     * a later 1.x minor version is served as 1.1, the highest this server speaks. Another major
     * version passes on and is answered 505 by {@link FramingRules}. A space inside the target
     * splits the line early, so its rest lands here and is named as the likely cause.
     */
    @Override
    protected HttpMessage createMessage(String[] initialLine) throws Exception {
        String version = initialLine[2];
        if (!isVersionSyntax(version)) {
            throw new FramingException("The request line must be 'METHOD target HTTP/1.1', but '" + shorten(version)
                    + "' stands where the version belongs (a space in the target must be sent as %20)");
        }
        if (version.charAt(5) == '1' && version.charAt(7) > '1') {
            return super.createMessage(new String[] {initialLine[0], initialLine[1], "HTTP/1.1"});
        }
        return super.createMessage(initialLine);
    }

    private static boolean isVersionSyntax(String v) {
        return v.length() == 8 && v.startsWith("HTTP/") && isDigit(v.charAt(5)) && v.charAt(6) == '.' && isDigit(v.charAt(7));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        message.setDecoderResult(DecoderResult.failure(new FramingException("Content-Length and Transfer-Encoding were both sent")));
        super.handleTransferEncodingChunkedWithContentLength(message);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        int from = buffer.readerIndex();
        int produced = out.size();
        if (inHead && headDeadline == null && buffer.isReadable()) {
            armHeadDeadline(ctx, headTimeoutNanos);
        }
        super.decode(ctx, buffer, out);
        if (inHead && buffer.readerIndex() > from) {
            buffer.forEachByte(from, buffer.readerIndex() - from, this);
        }
        for (int i = produced; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof HttpMessage m) {
                if (folded && m.decoderResult().isSuccess()) {
                    m.setDecoderResult(DecoderResult.failure(new FramingException("A header line is folded (obs-fold), which is not allowed")));
                }
                inHead = false;
                cancelHeadDeadline();
            }
            if (o instanceof LastHttpContent) {
                startHead();
            }
        }
    }

    /**
     * Like Go's ReadHeaderTimeout: a client that sends a head a line at a time (slowloris) keeps
     * the idle timer from firing, so the head as a whole gets a deadline. The clock starts at the
     * head's first byte, so a keep-alive connection waiting for its next request is the idle
     * timeout's business. While Rowan itself has paused reading (back-pressure), the client cannot
     * finish its head, so the deadline moves on instead of firing.
     */
    private void armHeadDeadline(ChannelHandlerContext ctx, long nanos) {
        headDeadline = ctx.executor().schedule(() -> {
            if (!inHead || headDeadline == null) {
                return;
            }
            if (!ctx.channel().config().isAutoRead()) {
                armHeadDeadline(ctx, headTimeoutNanos);
                return;
            }
            headDeadline = null;
            ctx.fireUserEventTriggered(HEAD_TIMEOUT);
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private void cancelHeadDeadline() {
        if (headDeadline != null) {
            headDeadline.cancel(false);
            headDeadline = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelHeadDeadline();
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
        cancelHeadDeadline();
        super.handlerRemoved0(ctx);
    }

    /** Scans one consumed head byte: a line break followed by a blank, once the request line began, is a fold. */
    @Override
    public boolean process(byte b) {
        if (atLineStart && headHasContent && (b == ' ' || b == '\t')) {
            folded = true;
        }
        atLineStart = b == '\n';
        if (b > ' ') {
            headHasContent = true;
        }
        return true;
    }

    private void startHead() {
        inHead = true;
        headHasContent = false;
        atLineStart = false;
        folded = false;
    }

    /** A request whose framing cannot be trusted. */
    static final class FramingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FramingException(String message) {
            super(message, null, false, false);
        }
    }
}
