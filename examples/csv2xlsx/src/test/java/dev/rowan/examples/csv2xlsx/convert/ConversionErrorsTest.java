package dev.rowan.examples.csv2xlsx.convert;

import dev.rowan.examples.csv2xlsx.convert.CsvConversionException.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConversionErrorsTest {

    private static final CsvToXlsx DEFAULT = CsvToXlsx.builder().build();

    @Test
    void unclosedQuoteIsReportedWhereItOpens() {
        var e = fail(DEFAULT, "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n");

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.line()).isEqualTo(OptionalLong.of(3));
        assertThat(e.getMessage()).startsWith("csv.E003 Line 3: ").contains("closing quote is missing");
    }

    @Test
    void unclosedQuoteFollowedByMuchDataIsStillAnUnclosedQuote() {
        String rest = "x,y\n".repeat(20_000);
        var e = fail(DEFAULT, "a,b\n\"open," + rest);

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.line()).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        var e = fail(DEFAULT, "a,b\n1,2\n\"3\"x,4\n");

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.line()).isEqualTo(OptionalLong.of(3));
        assertThat(e.getMessage()).contains("Line 3").contains("Unexpected character after closing quote");
    }

    @Test
    void strictFieldCountNamesTheLineAndBothCounts() {
        var e = fail(DEFAULT, "a,b,c\n1,2,3\n\"multi\nline\",2,3\n4,5,6,7\n");

        assertThat(e.reason()).isEqualTo(Reason.FIELD_COUNT);
        assertThat(e.line()).isEqualTo(OptionalLong.of(5));
        assertThat(e.getMessage()).startsWith("csv.E004 Line 5: this row has 4 fields but the first row has 3");
    }

    @Test
    void missingFieldsAreAlsoRejectedWhenStrict() {
        var e = fail(DEFAULT, "a,b,c\n1,2\n");

        assertThat(e.reason()).isEqualTo(Reason.FIELD_COUNT);
        assertThat(e.line()).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void emptyInputsAreEmpty() {
        for (String csv : new String[]{"", "\n\n\r\n", "\uFEFF", "   \n\t\n"}) {
            var e = fail(DEFAULT, csv);

            assertThat(e.reason()).as("input %s", csv.replace("\n", "\\n")).isEqualTo(Reason.EMPTY);
            assertThat(e.line()).isEmpty();
            assertThat(e.getMessage()).startsWith("csv.E001 The file is empty");
        }
    }

    @Test
    void anXlsxUploadIsNotACsv() throws Exception {
        var xlsx = new ByteArrayOutputStream();
        DEFAULT.convert(new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)), xlsx);

        var e = fail(DEFAULT, xlsx.toByteArray());

        assertThat(e.reason()).isEqualTo(Reason.NOT_CSV);
        assertThat(e.getMessage()).startsWith("csv.E002 This is not a CSV file").contains("ZIP archive");
    }

    @Test
    void pdfLegacyExcelAndGzipAreNotCsv() {
        byte[][] uploads = {
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0},
                {0x1F, (byte) 0x8B, 8, 0},
        };
        for (byte[] upload : uploads) {
            assertThat(fail(DEFAULT, upload).reason()).isEqualTo(Reason.NOT_CSV);
        }
    }

    @Test
    void nulBytesAreBinaryAndNamedByLine() {
        var e = fail(DEFAULT, "a,b\n1,2\n3,\0\0\0\n");

        assertThat(e.reason()).isEqualTo(Reason.NOT_CSV);
        assertThat(e.line()).isEqualTo(OptionalLong.of(3));
        assertThat(e.getMessage()).contains("NUL");
    }

    @Test
    void nulBytesFarIntoTheFileAreFoundToo() {
        String csv = "a,b\n" + "1,2\n".repeat(30_000) + "x\0y,2\n";

        var e = fail(DEFAULT, csv);

        assertThat(e.reason()).isEqualTo(Reason.NOT_CSV);
        assertThat(e.line()).isEqualTo(OptionalLong.of(30_002));
    }

    @Test
    void invalidUtf8IsAnEncodingErrorOnItsLine() {
        byte[] head = "name\nok\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] csv = new byte[head.length + latin1.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        System.arraycopy(latin1, 0, csv, head.length, latin1.length);

        var e = fail(DEFAULT, csv);

        assertThat(e.reason()).isEqualTo(Reason.ENCODING);
        assertThat(e.line()).isEqualTo(OptionalLong.of(3));
        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @Test
    void anotherCharsetCanBeChosen() throws Exception {
        var converter = CsvToXlsx.builder().charset(StandardCharsets.ISO_8859_1).build();

        var result = Workbooks.convert(converter, "name\nZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(result.cell(1, 0).getStringCellValue()).isEqualTo("Zoë");
    }

    @Test
    void moreRowsThanTheMaximumNameTheFirstRowTooMany() {
        var converter = CsvToXlsx.builder().maxRows(3).build();

        var e = fail(converter, "h\n1\n2\n3\n4\n5\n");

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS);
        assertThat(e.line()).isEqualTo(OptionalLong.of(5));
        assertThat(e.getMessage()).contains("more than 3 data rows");
    }

    @Test
    void exactlyTheMaximumIsAccepted() throws Exception {
        var converter = CsvToXlsx.builder().maxRows(3).build();

        assertThat(Workbooks.convert(converter, "h\n1\n2\n3\n").report().rows()).isEqualTo(3);
    }

    @Test
    void aFieldLongerThanAnExcelCellIsTooLarge() {
        String big = "x".repeat(Conversion.EXCEL_MAX_CELL_CHARS + 1);

        var e = fail(DEFAULT, "a,b\n1,\"" + big + "\"\n");

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.line()).isEqualTo(OptionalLong.of(2));
        assertThat(e.getMessage()).contains("32767");
    }

    @Test
    void aFieldOfExactlyTheCellLimitFits() throws Exception {
        String big = "x".repeat(Conversion.EXCEL_MAX_CELL_CHARS);

        var result = Workbooks.convert("a\n" + big + "\n");

        assertThat(result.cell(1, 0).getStringCellValue()).hasSize(Conversion.EXCEL_MAX_CELL_CHARS);
    }

    private static CsvConversionException fail(CsvToXlsx converter, String csv) {
        return fail(converter, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvConversionException fail(CsvToXlsx converter, byte[] csv) {
        return catchThrowableOfType(CsvConversionException.class,
                () -> converter.convert(new ByteArrayInputStream(csv), new ByteArrayOutputStream()));
    }
}
