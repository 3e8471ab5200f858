package dev.rowan.examples.csv2xlsx.convert;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts a CSV stream into an .xlsx workbook, streaming end to end: memory stays bounded by a few
 * megabytes whatever the size of the file (a million rows convert under {@code -Xmx256m}).
 *
 * <pre>{@code
 * CsvToXlsx converter = CsvToXlsx.builder()
 *         .delimiter(Optional.empty())   // detect among , ; TAB |
 *         .header(true)                  // bold, frozen first row, repeated on continuation sheets
 *         .build();
 * try (InputStream csv = Files.newInputStream(in); OutputStream xlsx = Files.newOutputStream(tmp)) {
 *     ConversionReport report = converter.convert(csv, xlsx);
 * } catch (CsvConversionException e) {
 *     // the file's fault: e.getMessage() names the line and says what to fix
 * }
 * }</pre>
 *
 * <h2>What the file may contain</h2>
 * RFC 4180: fields separated by one delimiter, optionally quoted with {@code "}; inside quotes the
 * delimiter and line breaks are data and {@code ""} is one quote. Line breaks may be LF, CR LF or CR.
 * Blank lines are skipped. Text is UTF-8 unless {@link Builder#charset} says otherwise; a UTF-8 or UTF-16
 * byte order mark is honoured and removed. How fields become numbers, booleans and dates is described
 * (with the reasons) in {@code TypedCells}: in short, integers and decimals of at most 15 significant
 * digits without leading zeros, {@code true}/{@code false}, {@code yyyy-MM-dd} and
 * {@code yyyy-MM-ddTHH:mm[:ss]}; everything else stays text exactly as written.
 *
 * <h2>Errors</h2>
 * Problems with the content raise {@link CsvConversionException} (see its {@link CsvConversionException.Reason}s).
 * By default the field count is strict: every row must have as many fields as the first row, because a
 * row with more fields is nearly always an unquoted delimiter that would shift the columns.
 * {@link Builder#strictFieldCount(boolean) strictFieldCount(false)} accepts ragged rows instead.
 *
 * <h2>Half-written output</h2>
 * A problem can be found on the last line, after most of the workbook was written, and the bytes already
 * written to the stream cannot be taken back. So never stream straight into an HTTP response: convert to
 * a temporary file (or use {@link #convert(Path, Path)}, which does that and only then moves the result
 * into place), and stream the file to the client once {@code convert} has returned.
 *
 * <p>Instances are immutable and thread-safe; each call is independent.
 */
public final class CsvToXlsx {

    private final Optional<Character> delimiter;
    private final boolean header;
    private final boolean typedCells;
    private final boolean strictFieldCount;
    private final long maxRows;
    private final int rowsPerSheet;
    private final Charset charset;
    private final Path tempDirectory;
    private final long progressEvery;

    private CsvToXlsx(Builder b) {
        this.delimiter = b.delimiter;
        this.header = b.header;
        this.typedCells = b.typedCells;
        this.strictFieldCount = b.strictFieldCount;
        this.maxRows = b.maxRows;
        this.rowsPerSheet = b.rowsPerSheet;
        this.charset = b.charset;
        this.tempDirectory = b.tempDirectory;
        this.progressEvery = b.progressEvery;
    }

    /** A builder with the defaults: detected delimiter, header row, typed cells, strict field count. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the CSV from {@code csv} and writes the workbook to {@code xlsx}. Neither stream is closed.
     *
     * @throws CsvConversionException when the content cannot be converted (the output is then incomplete)
     * @throws IOException            when reading or writing fails
     */
    public ConversionReport convert(InputStream csv, OutputStream xlsx) throws IOException, CsvConversionException {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(xlsx, "xlsx");
        return new Conversion(this).run(csv, xlsx);
    }

    /**
     * Converts the file {@code csv} into {@code xlsx}. The workbook is written to a temporary file next to
     * {@code xlsx} and moved into place only when complete, so {@code xlsx} never holds a partial workbook.
     */
    public ConversionReport convert(Path csv, Path xlsx) throws IOException, CsvConversionException {
        Path target = xlsx.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".csv2xlsx-", ".tmp");
        boolean done = false;
        try {
            ConversionReport report;
            try (InputStream in = Files.newInputStream(csv);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                report = convert(in, out);
            }
            move(tmp, target);
            done = true;
            return report;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    Optional<Character> delimiter() {
        return delimiter;
    }

    boolean header() {
        return header;
    }

    boolean typedCells() {
        return typedCells;
    }

    boolean strictFieldCount() {
        return strictFieldCount;
    }

    long maxRows() {
        return maxRows;
    }

    int rowsPerSheet() {
        return rowsPerSheet;
    }

    Charset charset() {
        return charset;
    }

    Path tempDirectory() {
        return tempDirectory;
    }

    long progressEvery() {
        return progressEvery;
    }

    /** Options of a {@link CsvToXlsx}; every option has a sensible default. */
    public static final class Builder {

        /** The default {@link #maxRows(long)}: five million data rows, about five full sheets. */
        public static final long DEFAULT_MAX_ROWS = 5_000_000;
        /** The default {@link #progressEvery(long)}: a log line per 100,000 data rows (about 10 MB of CSV). */
        public static final long DEFAULT_PROGRESS_EVERY = 100_000;

        private Optional<Character> delimiter = Optional.empty();
        private boolean header = true;
        private boolean typedCells = true;
        private boolean strictFieldCount = true;
        private long maxRows = DEFAULT_MAX_ROWS;
        private int rowsPerSheet = SheetWriter.EXCEL_MAX_ROWS;
        private Charset charset = StandardCharsets.UTF_8;
        private Path tempDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private long progressEvery = DEFAULT_PROGRESS_EVERY;

        private Builder() {
        }

        /**
         * The field delimiter: one of {@code , ; TAB |}, or empty (the default) to detect it from the first
         * lines of the file.
         */
        public Builder delimiter(Optional<Character> delimiter) {
            Objects.requireNonNull(delimiter, "delimiter (use Optional.empty() to detect it)");
            delimiter.ifPresent(Builder::checkDelimiter);
            this.delimiter = delimiter;
            return this;
        }

        /** Shorthand for {@code delimiter(Optional.of(delimiter))}. */
        public Builder delimiter(char delimiter) {
            return delimiter(Optional.of(delimiter));
        }

        /**
         * Whether the first row is a header (default true): written as text in bold, frozen, and repeated at
         * the top of every continuation sheet.
         */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /**
         * True (the default) writes numbers, booleans and ISO dates as real typed cells; false keeps every
         * field as text exactly as in the file.
         */
        public Builder typedCells(boolean typedCells) {
            this.typedCells = typedCells;
            return this;
        }

        /** Shorthand for {@code typedCells(false)}: keep everything as text. */
        public Builder keepText() {
            return typedCells(false);
        }

        /**
         * True (the default) rejects a row whose field count differs from the first row's; false accepts it
         * (missing fields stay blank, extra fields get columns of their own).
         */
        public Builder strictFieldCount(boolean strict) {
            this.strictFieldCount = strict;
            return this;
        }

        /** The most data rows accepted (default {@value #DEFAULT_MAX_ROWS}); more is an error. */
        public Builder maxRows(long maxRows) {
            if (maxRows < 1) {
                throw new IllegalArgumentException("csv.C001 maxRows must be at least 1, got " + maxRows);
            }
            this.maxRows = maxRows;
            return this;
        }

        /**
         * Rows per worksheet including the header, default and maximum 1,048,576 (Excel's limit); further
         * rows continue on a new sheet. Smaller values are for tests and for friendlier sheet sizes.
         */
        public Builder rowsPerSheet(int rowsPerSheet) {
            if (rowsPerSheet < 2 || rowsPerSheet > SheetWriter.EXCEL_MAX_ROWS) {
                throw new IllegalArgumentException("csv.C002 rowsPerSheet must be between 2 and "
                        + SheetWriter.EXCEL_MAX_ROWS + " (room for a header and a row), got " + rowsPerSheet);
            }
            this.rowsPerSheet = rowsPerSheet;
            return this;
        }

        /** The encoding of files without a byte order mark (default UTF-8); bad bytes are an error. */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Where a conversion keeps its intermediate workbook (default {@code java.io.tmpdir}); it is deleted
         * when the conversion ends. A web app passes its upload directory, e.g.
         * {@code .tempDirectory(Path.of(config.get("server.upload-dir", "/var/tmp")))}.
         */
        public Builder tempDirectory(Path directory) {
            this.tempDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Logs a progress line (rows written, megabytes read) to the {@code rowan.csv2xlsx} logger at INFO
         * every {@code rows} data rows, and a closing line with the totals; default
         * {@value #DEFAULT_PROGRESS_EVERY}, 0 for none. Files shorter than that log nothing.
         */
        public Builder progressEvery(long rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("csv.C004 progressEvery must be 0 (off) or more, got " + rows);
            }
            this.progressEvery = rows;
            return this;
        }

        public CsvToXlsx build() {
            return new CsvToXlsx(this);
        }

        private static void checkDelimiter(char c) {
            if (!Delimiters.isCandidate(c)) {
                throw new IllegalArgumentException("csv.C003 delimiter must be one of , ; TAB | but was '" + c + "'");
            }
        }
    }
}
