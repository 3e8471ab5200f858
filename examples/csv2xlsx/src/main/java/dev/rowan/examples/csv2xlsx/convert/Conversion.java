package dev.rowan.examples.csv2xlsx.convert;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import dev.rowan.examples.csv2xlsx.convert.CsvConversionException.Reason;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of a {@link CsvToXlsx}: owns the per-file state so the converter itself stays immutable. */
final class Conversion {

    /** Enough for 50 ordinary lines to vote on the delimiter, small enough to never matter for memory. */
    private static final int SAMPLE_CHARS = 64 * 1024;
    /** Excel's limit for the text of one cell. */
    static final int EXCEL_MAX_CELL_CHARS = 32_767;
    /** Caps the parser's buffer (chars) so a never-closed quote cannot eat the heap. */
    private static final int MAX_BUFFER_CHARS = 4 * 1024 * 1024;
    private static final Pattern PARSER_LINE = Pattern.compile("line (\\d+)");

    private final CsvToXlsx options;
    private final Progress progress;
    private QuoteTracker quotes;
    private long rows;
    private int columns;
    private int expectedFields = -1;
    private long lastLine;

    Conversion(CsvToXlsx options) {
        this.options = options;
        this.progress = new Progress(options.progressEvery());
    }

    ConversionReport run(InputStream csv, OutputStream xlsx) throws IOException, CsvConversionException {
        BufferedInputStream bytes = new BufferedInputStream(progress.counting(csv), 64 * 1024);
        Charset charset = Signatures.inspect(bytes, options.charset());
        Reader text = new TextGuardReader(bytes, charset);
        char[] sample = new char[SAMPLE_CHARS];
        int sampled = readSample(text, sample);
        boolean truncated = sampled == SAMPLE_CHARS;
        if (!truncated && new String(sample, 0, sampled).isBlank()) {
            throw empty();
        }
        char delimiter = options.delimiter().orElseGet(() -> Delimiters.detect(new String(sample, 0, sampled), truncated));
        quotes = new QuoteTracker(new PrefixedReader(sample, sampled, text), delimiter);
        int sheets = writeWorkbook(reader(delimiter), xlsx);
        progress.finished(rows, sheets);
        return ConversionReport.of(rows, sheets, columns, delimiter, options.delimiter().isEmpty(),
                options.header());
    }

    /**
     * Writes the sheets into a spool file, then copies it to {@code xlsx} with each sheet's true
     * dimension (see {@link Dimensions} for why it takes two passes). Returns the number of sheets.
     */
    private int writeWorkbook(CsvReader<CsvRecord> reader, OutputStream xlsx) throws IOException, CsvConversionException {
        Path spool = Files.createTempFile(options.tempDirectory(), ".csv2xlsx-", ".spool");
        try {
            SheetWriter sheets;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024)) {
                sheets = new SheetWriter(out, options.rowsPerSheet(), options.typedCells());
                parse(reader, sheets);
                sheets.finish();
            }
            Dimensions.copy(spool, xlsx, sheets.ranges());
            xlsx.flush();
            return sheets.sheets();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private CsvReader<CsvRecord> reader(char delimiter) {
        CsvRecordHandler handler = CsvRecordHandler.builder()
                .maxFields(SheetWriter.EXCEL_MAX_COLUMNS)
                .maxFieldSize(EXCEL_MAX_CELL_CHARS)
                .maxRecordSize(MAX_BUFFER_CHARS)
                .build();
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .allowExtraFields(true)   // field counts are checked here, to word the error for people
                .allowMissingFields(true)
                .maxBufferSize(MAX_BUFFER_CHARS)
                .build(handler, quotes);
    }

    private void parse(CsvReader<CsvRecord> reader, SheetWriter sheets) throws IOException, CsvConversionException {
        boolean first = true;
        try (reader) {
            for (CsvRecord record : reader) {
                lastLine = record.getStartingLineNumber();
                check(record);
                if (first && options.header()) {
                    sheets.header(record);
                } else {
                    countRow();
                    sheets.row(record);
                    progress.rows(rows);
                }
                first = false;
            }
        } catch (CsvParseException | UncheckedIOException e) {
            throw translate(e);
        }
        if (quotes.openQuoteLine() > 0) {
            throw unclosedQuote(quotes.openQuoteLine());
        }
        if (first) {
            throw empty();
        }
    }

    private void check(CsvRecord record) throws CsvConversionException {
        int count = record.getFieldCount();
        columns = Math.max(columns, count);
        if (expectedFields < 0) {
            expectedFields = count;
        } else if (count != expectedFields && options.strictFieldCount()) {
            throw CsvConversionException.atLine(Reason.FIELD_COUNT, lastLine, "this row has " + count
                    + " fields but the first row has " + expectedFields + ". If a field contains the delimiter,"
                    + " put the field in double quotes; or allow ragged rows (strict field count off).");
        }
    }

    private void countRow() throws CsvConversionException {
        if (rows == options.maxRows()) {
            throw CsvConversionException.atLine(Reason.TOO_MANY_ROWS, lastLine, "the file has more than "
                    + options.maxRows() + " data rows, the most this converter accepts. Split the file and"
                    + " convert the parts separately.");
        }
        rows++;
    }

    private CsvConversionException translate(RuntimeException e) throws IOException {
        CsvConversionException carried = Abort.find(e);
        if (carried != null) {
            return carried;
        }
        if (e instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        long line = parserLine(e);
        long open = quotes.openQuoteLine();
        if (open > 0 && open <= line) {
            return unclosedQuote(open);
        }
        String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (detail.contains("max")) {
            return CsvConversionException.atLine(Reason.TOO_LARGE, line, "a field or row is too large for a"
                    + " spreadsheet (at most " + EXCEL_MAX_CELL_CHARS + " characters per cell and "
                    + SheetWriter.EXCEL_MAX_COLUMNS + " columns). Details: " + detail);
        }
        return CsvConversionException.atLine(Reason.MALFORMED, line, "the row is not valid CSV: " + detail
                + ". A field that contains quotes must be quoted as a whole, with each inner quote doubled,"
                + " like \"say \"\"hi\"\"\".");
    }

    /** The parser puts the starting line of the failing record in its message; fall back to the next line. */
    private long parserLine(RuntimeException e) {
        Matcher m = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : lastLine + 1;
    }

    private static CsvConversionException unclosedQuote(long line) {
        return CsvConversionException.atLine(Reason.MALFORMED, line, "a quoted field starts here but its"
                + " closing quote is missing, so the rest of the file would become one field. Add the"
                + " closing \" (and double any quote that is part of the text).");
    }

    private static CsvConversionException empty() {
        return CsvConversionException.forFile(Reason.EMPTY,
                "The file is empty (it has only blank lines). Choose a CSV file with at least one row.");
    }

    private static int readSample(Reader text, char[] sample) throws IOException, CsvConversionException {
        int total = 0;
        try {
            while (total < sample.length) {
                int n = text.read(sample, total, sample.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (Abort abort) {
            throw abort.problem();
        }
        return total;
    }
}
