package dev.rowan.core.internal.server;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.internal.ServerSettings;
import dev.rowan.core.security.FuzzSummary;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;


/**
 * The HTTP/1.1 request decoder as the server sets it up ({@link StrictRequestDecoder} over Netty's
 * parser, {@link NettyServer#decoderConfig}) in an {@link EmbeddedChannel}, followed by the checks
 * {@link ConnectionHandler} runs on each decoded request ({@link FramingRules}). An input is the
 * byte stream of one connection, written in slices of a size its first byte chooses. A bad stream
 * must come out as a request or chunk whose decoder result failed (the handler answers it with a
 * 4xx and closes), never as an exception in the pipeline; and a request the checks accept never
 * carries both Content-Length and Transfer-Encoding (request smuggling). Limits are small
 * (512-byte request line, 1 KB of headers) so inputs reach them. Seeds:
 * {@code RequestDecoderFuzzTestInputs/decode/}, raw requests with CRLF line ends.
 */
class RequestDecoderFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("HTTP request decoder");
    private static final ServerSettings SETTINGS = ServerSettings.from(dev.rowan.core.Config.of(java.util.Map.of(
            "server.io-threads", "1", "server.max-uri-length", "512", "server.max-header-size", "1024", "server.max-body-size", "4096"))
            .withProfile("test"), 0);

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void decode(byte[] input) {
        SUMMARY.input();
        var channel = new EmbeddedChannel(new StrictRequestDecoder(NettyServer.decoderConfig(SETTINGS), SETTINGS.headTimeout()));
        try {
            int slice = input.length == 0 ? 1 : 1 + (input[0] & 0xff) % 32;
            for (int at = 1; at < input.length && channel.isOpen(); at += slice) {
                channel.writeInbound(Unpooled.wrappedBuffer(input, at, Math.min(slice, input.length - at)));
                if (!drain(channel)) {
                    break; // the connection handler answers the failure and closes the connection
                }
            }
            channel.checkException();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Checks what was decoded so far; false once a message failed (the handler would close). */
    private static boolean drain(EmbeddedChannel channel) {
        Object msg;
        boolean open = true;
        while ((msg = channel.readInbound()) != null) {
            try {
                if (msg instanceof HttpRequest request) {
                    FramingRules.Problem problem = FramingRules.check(request, SETTINGS);
                    if (problem == null && request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                            && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                        throw new AssertionError("Accepted a request with Content-Length and Transfer-Encoding: " + request);
                    }
                    open &= problem == null;
                }
                if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
                    FramingRules.describe(content.decoderResult().cause());
                    open = false;
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
        return open;
    }
}
