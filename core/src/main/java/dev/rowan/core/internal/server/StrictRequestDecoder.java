package dev.rowan.core.internal.server;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, except that a request with both {@code Content-Length} and
 * {@code Transfer-Encoding} is marked failed. Netty would drop the Content-Length and go on; a
 * front proxy may have framed the same bytes by Content-Length, which is how requests get
 * smuggled. Refusing such requests outright is the safe reading of RFC 9112 §6.3.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
    StrictRequestDecoder(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        message.setDecoderResult(DecoderResult.failure(new FramingException("Content-Length and Transfer-Encoding were both sent")));
        super.handleTransferEncodingChunkedWithContentLength(message);
    }

    /** A request whose framing cannot be trusted. */
    static final class FramingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FramingException(String message) {
            super(message, null, false, false);
        }
    }
}
