package dev.rowan.examples.csv2xlsx.convert;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Log lines for a long conversion, so whoever watches the log of a minute-long upload sees it advance:
 * one line every {@code every} data rows (rows done, megabytes of CSV read) and a closing line for a
 * conversion that logged any. Short files log nothing.
 */
final class Progress {

    private static final System.Logger LOG = System.getLogger("rowan.csv2xlsx");
    private static final double MB = 1024.0 * 1024.0;

    private final long every;
    private final long startNanos = System.nanoTime();
    private long bytesRead;

    /** {@code every} data rows per line; 0 logs nothing. */
    Progress(long every) {
        this.every = every;
    }

    /** {@code csv} counted as it is read, for the "MB read" of each line. */
    InputStream counting(InputStream csv) {
        return new FilterInputStream(csv) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bytesRead += n;
                }
                return n;
            }
        };
    }

    /** Called after each data row with the rows written so far. */
    void rows(long rows) {
        if (every > 0 && rows % every == 0) {
            LOG.log(Level.INFO, String.format(Locale.ROOT, "Converting CSV to XLSX: %,d rows written so far,"
                    + " %.1f MB of CSV read.", rows, bytesRead / MB));
        }
    }

    /** Closes what {@link #rows} started; silent when the file was too short to log progress. */
    void finished(long rows, int sheets) {
        if (every > 0 && rows >= every) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            LOG.log(Level.INFO, String.format(Locale.ROOT, "Converted CSV to XLSX: %,d rows on %d %s from"
                    + " %.1f MB of CSV in %.1f s.", rows, sheets, sheets == 1 ? "sheet" : "sheets",
                    bytesRead / MB, seconds));
        }
    }
}
