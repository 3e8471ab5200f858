package dev.rowan.core.spi;

import dev.rowan.core.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/**
 * One request/response exchange as an HTTP engine (or the in-memory test client) hands it to
 * {@link dev.rowan.core.App#handle(ServerExchange)}. Framing, limits on the request head and
 * connection management are the engine's job; everything above is Rowan's.
 */
public interface ServerExchange {
    String method();

    /** The request-target as sent: path plus optional {@code ?query}, still percent-encoded. */
    String target();

    Headers headers();

    InetSocketAddress remoteAddress();

    /** True when the connection itself is TLS. */
    boolean isSecure();

    /** The declared body length, or -1 when chunked or unknown. */
    long contentLength();

    /**
     * The body as it arrives. Reading past the engine's body limit throws
     * {@link BodyTooLargeException}.
     */
    InputStream body();

    /** Sends a complete response. {@code body} may be empty; HEAD responses must not send it. */
    void send(int status, ResponseHead head, byte[] body) throws IOException;

    /**
     * Commits status and headers and returns a stream for the body; {@code contentLength} -1 means
     * chunked. Closing the stream completes the response.
     */
    OutputStream startStreaming(int status, ResponseHead head, long contentLength) throws IOException;

    /** Asks the engine to close the connection after this response. */
    void closeAfterResponse();

    /** Response headers in order, as name/value pairs. */
    interface ResponseHead {
        int size();

        String name(int i);

        String value(int i);
    }

    /** Thrown while reading a body larger than the engine allows. */
    final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        public BodyTooLargeException(long limit) {
            super("The request body is larger than the limit of " + limit + " bytes.");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
