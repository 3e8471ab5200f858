package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a multipart body through a fixed buffer: part headers line by line, part contents up to
 * the next delimiter. Memory use is the buffer, whatever the body size.
 */
final class MultipartStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    /** {@code CRLF--boundary}: every delimiter, the first one included (a CRLF is put in front of the body). */
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int end;
    private boolean eof;
    /** Bytes of the buffer the delimiter search has looked at, so a test can count the search's work. */
    private long examined;

    MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(BUFFER_SIZE, delimiter.length * 4)];
        // The first delimiter has no CRLF before it; pretending there is one makes every delimiter alike.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** Skips the preamble up to the first delimiter. */
    void skipPreamble() throws IOException {
        if (!copyUntilDelimiter(OutputStream.nullOutputStream())) {
            throw truncated("before its first boundary");
        }
    }

    /**
     * After a delimiter: true when a part follows (CRLF), false for the closing delimiter ({@code --}).
     * Transport padding (spaces, tabs) before the CRLF is allowed by RFC 2046.
     */
    boolean nextPartFollows() throws IOException {
        int a = readByte(), b = readByte();
        if (a == '-' && b == '-') {
            return false;
        }
        while (a == ' ' || a == '\t') {
            a = b;
            b = readByte();
        }
        if (a == '\r' && b == '\n') {
            return true;
        }
        if (a < 0 || b < 0) {
            throw truncated("right after a boundary");
        }
        throw HttpException.badRequest("The multipart body is malformed: a boundary is followed by something other than a line end.");
    }

    /** Reads a part's header block (up to the empty line); longer than {@code max} bytes is a 400. */
    byte[] readHeaderBlock(int max) throws IOException {
        var out = new ByteArrayOutputStream(256);
        int lineStart = 0;
        for (;;) {
            int c = readByte();
            if (c < 0) {
                throw truncated("inside a part's headers");
            }
            if (out.size() >= max) {
                throw HttpException.badRequest("A multipart part's headers are larger than the limit of " + max + " bytes.");
            }
            out.write(c);
            if (c == '\n') {
                int lineLength = out.size() - lineStart;
                if (lineLength <= 2) {
                    return out.toByteArray();
                }
                lineStart = out.size();
            }
        }
    }

    /**
     * Copies part content to {@code sink} up to the next delimiter and consumes the delimiter.
     * Returns false when the body ends first.
     */
    boolean copyUntilDelimiter(OutputStream sink) throws IOException {
        for (;;) {
            int found = indexOfDelimiter();
            if (found >= 0) {
                sink.write(buf, pos, found - pos);
                pos = found + delimiter.length;
                return true;
            }
            // Keep a tail that may be the start of a delimiter split across reads.
            int safe = end - pos - (delimiter.length - 1);
            if (safe > 0) {
                sink.write(buf, pos, safe);
                pos += safe;
            }
            if (!fill()) {
                return false;
            }
        }
    }

    /** Reads and discards what follows the closing delimiter. */
    void drainEpilogue() throws IOException {
        pos = end;
        if (!eof) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** How many bytes of the buffer the delimiter search has looked at so far (its work, for tests). */
    long examined() {
        return examined;
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        long compared = 0;
        outer:
        for (int i = pos; i <= last; i++) {
            compared++;
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                compared++;
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            examined += compared;
            return i;
        }
        examined += compared;
        return -1;
    }

    private int readByte() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** Moves unread bytes to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    static HttpException truncated(String where) {
        return HttpException.badRequest("The multipart body is truncated or malformed: it ended " + where
                + " (the closing boundary is missing).");
    }
}
