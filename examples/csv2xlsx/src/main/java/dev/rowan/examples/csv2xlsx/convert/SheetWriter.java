package dev.rowan.examples.csv2xlsx.convert;

import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes records into worksheets, starting a new sheet (with the header repeated) when one is full, and
 * flushing rows to the output every few thousand so that memory stays flat however long the file is.
 */
final class SheetWriter {

    static final int EXCEL_MAX_ROWS = Worksheet.MAX_ROWS;
    static final int EXCEL_MAX_COLUMNS = Worksheet.MAX_COLS;
    private static final int FLUSH_EVERY = 2048;
    private static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    /** The workbook is an intermediate file (see {@link Dimensions}): compress it fast, not small. */
    private static final int SPOOL_LEVEL = 1;

    private final Workbook workbook;
    private final int rowsPerSheet;
    private final boolean typed;
    private Optional<CsvRecord> header = Optional.empty();
    private Worksheet sheet;
    private final List<UsedRange> ranges = new ArrayList<>();
    private int sheets;
    private int row;

    SheetWriter(OutputStream out, int rowsPerSheet, boolean typed) {
        this.workbook = new Workbook(out, "Rowan csv2xlsx", "1.0");
        this.workbook.setCompressionLevel(SPOOL_LEVEL);
        this.rowsPerSheet = rowsPerSheet;
        this.typed = typed;
    }

    int sheets() {
        return sheets;
    }

    /** The cells each sheet uses, first sheet first. */
    List<UsedRange> ranges() {
        return List.copyOf(ranges);
    }

    private UsedRange range() {
        return ranges.getLast();
    }

    /** Writes the header in bold on the first sheet and remembers it for the continuation sheets. */
    void header(CsvRecord record) throws IOException {
        header = Optional.of(record);
        nextSheet();
    }

    void row(CsvRecord record) throws IOException {
        if (sheet == null || row == rowsPerSheet) {
            nextSheet();
        }
        for (int c = 0; c < record.getFieldCount(); c++) {
            String field = record.getField(c);
            if (!field.isEmpty()) {
                cell(c, field);
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    /** Completes the workbook; an input without data rows still gets one (possibly header-only) sheet. */
    void finish() throws IOException {
        if (sheet == null) {
            nextSheet();
        }
        workbook.finish();
    }

    private void cell(int c, String field) {
        range().cell(row, c);
        Object value = typed ? TypedCells.classify(field) : field;
        switch (value) {
            case String text -> sheet.inlineString(row, c, text);
            case Boolean bool -> sheet.value(row, c, bool);
            case Number number -> sheet.value(row, c, number);
            case LocalDate date -> {
                sheet.value(row, c, date);
                sheet.style(row, c).format(DATE_FORMAT).set();
            }
            case LocalDateTime dateTime -> {
                sheet.value(row, c, dateTime);
                sheet.style(row, c).format(DATE_TIME_FORMAT).set();
            }
            default -> throw new IllegalStateException("unexpected cell value " + value.getClass());
        }
    }

    private void nextSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet("Sheet" + sheets);
        ranges.add(new UsedRange());
        row = 0;
        if (header.isPresent()) {
            writeHeader(header.get());
        }
    }

    private void writeHeader(CsvRecord names) {
        for (int c = 0; c < names.getFieldCount(); c++) {
            String name = names.getField(c);
            // Width is fixed before the first flush; the header is the only hint we have in a stream.
            sheet.width(c, Math.clamp(name.length() + 4L, 10, 60));
            sheet.inlineString(0, c, name);
            range().cell(0, c);
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        row = 1;
    }
}
