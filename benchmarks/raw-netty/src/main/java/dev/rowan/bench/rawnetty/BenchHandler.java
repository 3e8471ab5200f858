package dev.rowan.bench.rawnetty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * Hands each decoded request to a new virtual thread, which builds the response and writes it back.
 * Request bodies are ignored (all endpoints are GET). Responses are not re-ordered for pipelined
 * requests; wrk does not pipeline here, and Rowan's adapter owns that concern.
 */
final class BenchHandler extends ChannelInboundHandlerAdapter {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
    private static final AsciiString SERVER = AsciiString.cached("raw-netty");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Message(String message) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                dispatch(ctx, request);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private static void dispatch(ChannelHandlerContext ctx, HttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            write(ctx, response(HttpResponseStatus.BAD_REQUEST, TEXT_PLAIN, new byte[0]), false);
            return;
        }
        String uri = request.uri();
        Thread.startVirtualThread(() -> write(ctx, handle(uri), keepAlive));
    }

    private static FullHttpResponse handle(String uri) {
        return switch (uri) {
            case "/plaintext", "/" -> response(HttpResponseStatus.OK, TEXT_PLAIN, HELLO);
            case "/json" -> response(HttpResponseStatus.OK, APPLICATION_JSON,
                    JSON.writeValueAsBytes(new Message("Hello, World!")));
            default -> response(HttpResponseStatus.NOT_FOUND, TEXT_PLAIN, new byte[0]);
        };
    }

    private static FullHttpResponse response(HttpResponseStatus status, AsciiString type, byte[] body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, type);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.set(HttpHeaderNames.SERVER, SERVER);
        headers.set(HttpHeaderNames.DATE, HttpDate.now());
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
