package dev.rowan.examples.csv2xlsx.convert;

/**
 * What a successful conversion produced.
 *
 * <pre>{@code
 * ConversionReport report = CsvToXlsx.builder().build().convert(csv, xlsx);
 * log.info("{} rows on {} sheet(s), delimiter '{}'", report.rows(), report.sheets(), report.delimiter());
 * }</pre>
 */
public final class ConversionReport {

    private final long rows;
    private final int sheets;
    private final int columns;
    private final char delimiter;
    private final boolean delimiterDetected;
    private final boolean headerRow;

    private ConversionReport(long rows, int sheets, int columns, char delimiter, boolean delimiterDetected,
                             boolean headerRow) {
        this.rows = rows;
        this.sheets = sheets;
        this.columns = columns;
        this.delimiter = delimiter;
        this.delimiterDetected = delimiterDetected;
        this.headerRow = headerRow;
    }

    static ConversionReport of(long rows, int sheets, int columns, char delimiter, boolean delimiterDetected,
                               boolean headerRow) {
        return new ConversionReport(rows, sheets, columns, delimiter, delimiterDetected, headerRow);
    }

    /** Data rows written, not counting the header (nor its repetitions on continuation sheets). */
    public long rows() {
        return rows;
    }

    /** Worksheets in the workbook (more than one when the rows exceed one sheet). */
    public int sheets() {
        return sheets;
    }

    /** The widest row's field count. */
    public int columns() {
        return columns;
    }

    /** The field delimiter that was used. */
    public char delimiter() {
        return delimiter;
    }

    /** True when the delimiter was detected from the file, false when it was chosen by the caller. */
    public boolean delimiterDetected() {
        return delimiterDetected;
    }

    /** True when the first row was treated as a header. */
    public boolean headerRow() {
        return headerRow;
    }

    @Override
    public String toString() {
        return "ConversionReport[rows=" + rows + ", sheets=" + sheets + ", columns=" + columns
                + ", delimiter=" + Delimiters.describe(delimiter) + (delimiterDetected ? " (detected)" : "")
                + ", headerRow=" + headerRow + "]";
    }
}
