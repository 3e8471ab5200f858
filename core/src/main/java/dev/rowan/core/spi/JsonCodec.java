package dev.rowan.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Reads and writes JSON for {@code ctx.json(..)} and {@code ctx.bodyAs(..)}. The rowan-json module
 * provides one (found through {@link java.util.ServiceLoader} when it is on the class path).
 */
public interface JsonCodec {
    void write(Object value, OutputStream out) throws IOException;

    byte[] toBytes(Object value);

    /**
     * Parses {@code in} into {@code type}. Malformed input throws {@link MalformedJsonException}
     * with a message that says where.
     */
    <T> T read(InputStream in, Type type) throws IOException;

    /** Bad JSON from a client; becomes a 400. */
    final class MalformedJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MalformedJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
