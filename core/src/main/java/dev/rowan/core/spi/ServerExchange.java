package dev.rowan.core.spi;

import dev.rowan.core.Headers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

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

    /**
     * Response headers in order, as name/value pairs. A run of them may also come ready-encoded
     * ({@link #encoded()}): the headers every response carries are turned into bytes once, not per
     * response. An engine may copy that run as it is or ignore it; the pairs are always complete.
     */
    interface ResponseHead {
        int size();

        String name(int i);

        String value(int i);

        /** Where the ready-encoded run starts: entries {@code encodedFrom()} up to {@code encodedFrom() + encoded().count()}. */
        default int encodedFrom() {
            return size();
        }

        /** The ready-encoded run, {@link EncodedHeaders#NONE} when there is none. */
        default EncodedHeaders encoded() {
            return EncodedHeaders.NONE;
        }
    }

    /**
     * Header lines encoded once, {@code Name: value\r\n} each in ISO-8859-1, as the engine would write
     * them. Like every pair of a {@link ResponseHead}, the pairs must be valid header text (no CR, LF
     * or NUL); the headers an engine owns ({@code Date}, {@code Content-Length}, {@code Connection},
     * {@code Transfer-Encoding}) are refused, so copying the bytes is always the same as encoding the
     * pairs.
     *
     * <pre>{@code
     * EncodedHeaders security = EncodedHeaders.of(new String[][] {{"X-Content-Type-Options", "nosniff"}});
     * }</pre>
     */
    final class EncodedHeaders {
        /** No run. */
        public static final EncodedHeaders NONE = new EncodedHeaders(0, new byte[0]);
        private static final Set<String> ENGINE_OWNED = Set.of("date", "content-length", "connection", "transfer-encoding");

        private final int count;
        private final byte[] bytes;

        private EncodedHeaders(int count, byte[] bytes) {
            this.count = count;
            this.bytes = bytes;
        }

        /**
         * Encodes {@code pairs} ({@code {name, value}} each).
         *
         * @throws IllegalArgumentException for a header the engine owns
         */
        public static EncodedHeaders of(String[][] pairs) {
            var out = new ByteArrayOutputStream();
            for (String[] pair : pairs) {
                String name = pair[0];
                String value = pair[1];
                if (ENGINE_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("The engine writes '" + name + "' itself; it cannot be pre-encoded");
                }
                out.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            return new EncodedHeaders(pairs.length, out.toByteArray());
        }

        /** How many headers the run holds. */
        public int count() {
            return count;
        }

        /** The encoded lines; shared, so callers must not change them. */
        public byte[] bytes() {
            return bytes;
        }
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

    /**
     * Thrown while writing a response the client no longer takes: it closed the connection or
     * stopped reading. Nothing is wrong with the server, so Rowan logs it as a debug line, not as
     * an error with a stack trace (a client that hangs up mid-download must not flood the log).
     */
    final class ClientGoneException extends IOException {
        private static final long serialVersionUID = 1L;

        public ClientGoneException(String message) {
            super(message);
        }
    }
}
