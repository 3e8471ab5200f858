package dev.rowan.examples.csv2xlsx.convert;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows RFC 4180 quoting alongside the parser to remember where the quoted field that is still open
 * began. The parser accepts a file that ends inside quotes (it returns the rest of the file as one field);
 * this is how an unclosed quote is caught and reported at the line where it was opened.
 */
final class QuoteTracker extends FilterReader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final char delimiter;
    private int state = FIELD_START;
    private long line = 1;
    private long openedOn;
    private boolean lastWasCr;

    QuoteTracker(Reader in, char delimiter) {
        super(in);
        this.delimiter = delimiter;
    }

    /** The line where the still-open quoted field began, or 0 when no quoted field is open. */
    long openQuoteLine() {
        return state == QUOTED ? openedOn : 0;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) == -1 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            step(buf[i]);
        }
        return n;
    }

    private void step(char c) {
        boolean newline = countLine(c);
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = QUOTED;
                    openedOn = line;
                } else if (c != delimiter && !newline) {
                    state = UNQUOTED;
                }
            }
            case UNQUOTED -> state = c == delimiter || newline ? FIELD_START : UNQUOTED;
            case QUOTED -> state = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            default -> state = c == '"' ? QUOTED : c == delimiter || newline ? FIELD_START : UNQUOTED;
        }
    }

    /** Advances the line count; returns true for a line-break character. */
    private boolean countLine(char c) {
        if (c == '\n') {
            if (!lastWasCr) {
                line++;
            }
            lastWasCr = false;
            return true;
        }
        if (c == '\r') {
            line++;
            lastWasCr = true;
            return true;
        }
        lastWasCr = false;
        return false;
    }
}
