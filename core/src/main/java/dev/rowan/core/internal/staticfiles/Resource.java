package dev.rowan.core.internal.staticfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A file to send: from disk or from the classpath. */
public interface Resource {
    /** The file name, which picks the content type. */
    String name();

    long size();

    /** Milliseconds since the epoch; 0 when unknown. */
    long lastModified();

    /** Names the file (its path or URL), for caches. */
    String identity();

    /** A key that changes when the content may have changed, for caching its hash. */
    default String version() {
        return identity() + "|" + size() + "|" + lastModified();
    }

    InputStream open() throws IOException;

    /** Copies {@code length} bytes starting at {@code start}. */
    default void copyRange(OutputStream out, long start, long length) throws IOException {
        try (InputStream in = open()) {
            in.skipNBytes(start);
            copy(in, out, length);
        }
    }

    static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[(int) Math.min(64 * 1024, Math.max(1, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("The file became shorter while it was being sent");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }
}
