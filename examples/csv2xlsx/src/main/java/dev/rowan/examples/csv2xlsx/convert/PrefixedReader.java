package dev.rowan.examples.csv2xlsx.convert;

import java.io.IOException;
import java.io.Reader;

/** Serves the already-read sample first, then the rest of the stream, so the sample is never read twice. */
final class PrefixedReader extends Reader {

    private final char[] prefix;
    private final int prefixLength;
    private final Reader rest;
    private int pos;

    PrefixedReader(char[] prefix, int prefixLength, Reader rest) {
        this.prefix = prefix;
        this.prefixLength = prefixLength;
        this.rest = rest;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos < prefixLength) {
            int n = Math.min(len, prefixLength - pos);
            System.arraycopy(prefix, pos, buf, off, n);
            pos += n;
            return n;
        }
        return rest.read(buf, off, len);
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
