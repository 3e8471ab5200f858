package dev.rowan.core.internal.server;

import dev.rowan.core.spi.ServerExchange.EncodedHeaders;
import dev.rowan.core.spi.ServerExchange.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rowan's one-pass encoder must put exactly the bytes on the wire that Netty's encoder wrote for
 * the same response (the way NettyExchange built it before), including headers the engine owns.
 */
class ResponseEncoderTest {
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private record Head(List<String[]> pairs, int encodedFrom, EncodedHeaders encoded) implements ResponseHead {
        Head(List<String[]> pairs) {
            this(pairs, pairs.size(), EncodedHeaders.NONE);
        }

        @Override
        public int size() {
            return pairs.size();
        }

        @Override
        public String name(int i) {
            return pairs.get(i)[0];
        }

        @Override
        public String value(int i) {
            return pairs.get(i)[1];
        }
    }

    @Test
    void writesTheSameBytesAsNettysEncoder() {
        var head = new Head(List.of(new String[] {"Server", "rowan"}, new String[] {"Content-Type", "text/plain; charset=utf-8"},
                new String[] {"Date", "handler's date"}, new String[] {"Content-Length", "99"}, new String[] {"Connection", "upgrade"},
                new String[] {"X-Unicode", "caf\u00e9 \u20ac"}, new String[] {"X-Frame-Options", "DENY"}));
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        for (ResponseEncoder.Connection c : ResponseEncoder.Connection.values()) {
            for (int status : new int[] {200, 404, 500, 299}) {
                for (boolean headRequest : new boolean[] {false, true}) {
                    assertThat(ResponseEncoder.handles(status, head)).isTrue();
                    ByteBuf ours = ResponseEncoder.encode(ByteBufAllocator.DEFAULT, status, head, body, headRequest, c);
                    assertThat(text(ours)).as("%s %s head=%s", status, c, headRequest).isEqualTo(netty(status, head, body, headRequest, c));
                }
            }
        }
    }

    @Test
    void copiesAReadyEncodedRunWhereItStands() {
        String[][] security = {{"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"}};
        var pairs = List.of(new String[] {"Content-Type", "text/plain"}, security[0], security[1], new String[] {"Set-Cookie", "a=b"});
        var head = new Head(pairs, 1, EncodedHeaders.of(security));
        byte[] body = "Hello".getBytes(StandardCharsets.UTF_8);
        ByteBuf ours = ResponseEncoder.encode(ByteBufAllocator.DEFAULT, 200, head, body, false, ResponseEncoder.Connection.NONE);
        String wire = text(ours);
        assertThat(wire).isEqualTo(netty(200, head, body, false, ResponseEncoder.Connection.NONE))
                .contains("Content-Type: text/plain\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\nSet-Cookie: a=b\r\n");
    }

    @Test
    void theEncodedRunIsTheBytesNotTheNames() {
        // Proof that the run is copied: its bytes win over pairs that (wrongly) disagree with them.
        var head = new Head(List.<String[]>of(new String[] {"X-Frame-Options", "SAMEORIGIN"}), 0,
                EncodedHeaders.of(new String[][] {{"X-Frame-Options", "DENY"}}));
        ByteBuf ours = ResponseEncoder.encode(ByteBufAllocator.DEFAULT, 200, head, new byte[0], false, ResponseEncoder.Connection.NONE);
        assertThat(text(ours)).contains("X-Frame-Options: DENY\r\n").doesNotContain("SAMEORIGIN");
    }

    @Test
    void headersTheEngineOwnsCannotBePreEncoded() {
        for (String owned : new String[] {"Date", "content-length", "Connection", "Transfer-Encoding"}) {
            assertThatThrownBy(() -> EncodedHeaders.of(new String[][] {{owned, "x"}}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(owned);
        }
    }

    @Test
    void largeBodiesAndEmptyBodiesMatchToo() {
        var head = new Head(List.<String[]>of(new String[] {"Content-Type", "application/octet-stream"}));
        byte[] large = new byte[100_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) ('a' + i % 26);
        }
        for (byte[] body : new byte[][] {large, new byte[0]}) {
            ByteBuf ours = ResponseEncoder.encode(ByteBufAllocator.DEFAULT, 200, head, body, false, ResponseEncoder.Connection.NONE);
            assertThat(text(ours)).isEqualTo(netty(200, head, body, false, ResponseEncoder.Connection.NONE));
        }
    }

    @Test
    void leavesUnusualResponsesToNetty() {
        var plain = new Head(List.of());
        for (int status : new int[] {100, 101, 204, 205, 304}) {
            assertThat(ResponseEncoder.handles(status, plain)).as("status %d", status).isFalse();
        }
        assertThat(ResponseEncoder.handles(200, new Head(List.<String[]>of(new String[] {"transfer-Encoding", "chunked"})))).isFalse();
    }

    /** What NettyExchange.send produced before: a FullHttpResponse through HttpResponseEncoder. */
    private static String netty(int status, ResponseHead head, byte[] bytes, boolean headRequest, ResponseEncoder.Connection c) {
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                headRequest || bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes), HEADERS, HEADERS);
        HttpHeaders h = response.headers();
        for (int i = 0; i < head.size(); i++) {
            h.add(head.name(i), head.value(i));
        }
        h.set(HttpHeaderNames.DATE, DateHeader.now());
        h.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        switch (c) {
            case CLOSE -> h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            case KEEP_ALIVE -> h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            case NONE -> {
            }
        }
        var channel = new EmbeddedChannel(new HttpResponseEncoder());
        channel.writeOutbound(response);
        var out = new StringBuilder();
        for (Object o; (o = channel.readOutbound()) != null;) {
            out.append(text((ByteBuf) o));
        }
        channel.finishAndReleaseAll();
        return out.toString();
    }

    /** The bytes as text, with the date value blanked: the second may tick between the two encodings. */
    private static String text(ByteBuf buf) {
        try {
            return buf.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r\ndate: [^\r]*\r\n", "\r\ndate: -\r\n");
        } finally {
            buf.release();
        }
    }
}
