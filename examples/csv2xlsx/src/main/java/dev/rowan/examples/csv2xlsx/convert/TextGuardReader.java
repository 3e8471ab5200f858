package dev.rowan.examples.csv2xlsx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes the bytes and stops binary or mis-encoded input with the line it occurs on. It decodes itself
 * (rather than through {@link java.io.InputStreamReader}, which fails a whole read when its buffer holds a
 * bad byte) so that the good text before a bad byte is delivered first: the line count of the characters
 * handed out is then exactly the line of the bad byte. NUL characters mean binary data.
 */
final class TextGuardReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean eof;
    private boolean flushed;
    private boolean badBytes;
    private long line = 1;
    private boolean lastWasCr;

    TextGuardReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (out.position() == off) {
            if (badBytes) {
                throw new Abort(CsvConversionException.atLine(CsvConversionException.Reason.ENCODING, line,
                        "the text is not valid " + decoder.charset().displayName()
                                + ". Save the file as \"CSV UTF-8\" (or choose its encoding) and upload it again."));
            }
            if (!decodeInto(out)) {
                return -1;
            }
        }
        int n = out.position() - off;
        inspect(buf, off, n);
        return n;
    }

    /** Decodes what it can into {@code out}; returns false at the end of the input. */
    private boolean decodeInto(CharBuffer out) throws IOException {
        if (flushed) {
            return false;
        }
        CoderResult result = decoder.decode(bytes, out, eof);
        if (result.isError()) {
            badBytes = true;
        } else if (result.isUnderflow()) {
            if (eof) {
                decoder.flush(out);
                flushed = true;
            } else {
                fill();
            }
        }
        return true;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void inspect(char[] buf, int off, int n) throws Abort {
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (c == '\n') {
                if (!lastWasCr) {
                    line++;
                }
                lastWasCr = false;
            } else if (c == '\r') {
                line++;
                lastWasCr = true;
            } else {
                lastWasCr = false;
                if (c == '\0') {
                    throw new Abort(CsvConversionException.atLine(CsvConversionException.Reason.NOT_CSV, line,
                            "the file contains binary data (a NUL byte), so it is not a CSV text file."
                                    + " Export the data as CSV and upload that."));
                }
            }
        }
    }

    /** Leaves the caller's stream open: whoever opened it closes it. */
    @Override
    public void close() {
        // nothing of ours to release
    }
}
