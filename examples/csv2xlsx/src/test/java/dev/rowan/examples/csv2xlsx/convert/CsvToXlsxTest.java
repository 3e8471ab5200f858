package dev.rowan.examples.csv2xlsx.convert;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvToXlsxTest {

    @Test
    void rfc4180QuotingKeepsCommasQuotesAndLineBreaksInsideFields() throws Exception {
        var result = Workbooks.convert("name,quote\r\n\"Smith, Jane\",\"She said \"\"hi\"\"\nand left\"\r\n");

        assertThat(result.cell(1, 0).getStringCellValue()).isEqualTo("Smith, Jane");
        assertThat(result.cell(1, 1).getStringCellValue()).isEqualTo("She said \"hi\"\nand left");
        assertThat(result.report().rows()).isEqualTo(1);
        assertThat(result.report().columns()).isEqualTo(2);
    }

    @Test
    void utf8ByteOrderMarkIsRemovedAndTextIsDecodedAsUtf8() throws Exception {
        byte[] body = "name,city\nZoë,Zürich\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[body.length + 3];
        csv[0] = (byte) 0xEF;
        csv[1] = (byte) 0xBB;
        csv[2] = (byte) 0xBF;
        System.arraycopy(body, 0, csv, 3, body.length);

        var result = Workbooks.convert(CsvToXlsx.builder().build(), csv);

        assertThat(result.cell(0, 0).getStringCellValue()).isEqualTo("name");
        assertThat(result.cell(1, 1).getStringCellValue()).isEqualTo("Zürich");
    }

    @Test
    void utf16ByteOrderMarkSwitchesTheEncoding() throws Exception {
        byte[] body = "a\tb\n1\tü\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] csv = new byte[body.length + 2];
        csv[0] = (byte) 0xFF;
        csv[1] = (byte) 0xFE;
        System.arraycopy(body, 0, csv, 2, body.length);

        var result = Workbooks.convert(CsvToXlsx.builder().build(), csv);

        assertThat(result.report().delimiter()).isEqualTo('\t');
        assertThat(result.cell(1, 1).getStringCellValue()).isEqualTo("ü");
    }

    @Test
    void detectsSemicolonTabAndPipe() throws Exception {
        for (char d : new char[]{';', '\t', '|'}) {
            String csv = "id" + d + "name" + d + "note\n1" + d + "Ann" + d + "\"x" + d + "y, z\"\n2" + d + "Bo" + d + "w\n";

            var result = Workbooks.convert(csv);

            assertThat(result.report().delimiter()).as("delimiter %s", d).isEqualTo(d);
            assertThat(result.report().delimiterDetected()).isTrue();
            assertThat(result.cell(1, 1).getStringCellValue()).isEqualTo("Ann");
            assertThat(result.cell(1, 2).getStringCellValue()).isEqualTo("x" + d + "y, z");
        }
    }

    @Test
    void semicolonFilesWithDecimalCommasAreNotMistakenForCommaFiles() throws Exception {
        var result = Workbooks.convert("product;price;weight\nTea;3,50;0,25\nCoffee;7;1,5\n");

        assertThat(result.report().delimiter()).isEqualTo(';');
        assertThat(result.cell(1, 1).getStringCellValue()).isEqualTo("3,50");
    }

    @Test
    void explicitDelimiterOverridesDetection() throws Exception {
        var result = Workbooks.convert(CsvToXlsx.builder().delimiter(',').build(), "a;b\n1;2\n");

        assertThat(result.report().delimiter()).isEqualTo(',');
        assertThat(result.report().delimiterDetected()).isFalse();
        assertThat(result.cell(0, 0).getStringCellValue()).isEqualTo("a;b");
        assertThat(result.report().columns()).isEqualTo(1);
    }

    @Test
    void singleColumnFileGetsTheCommaDefault() throws Exception {
        var result = Workbooks.convert("name\nAnn\nBo\n");

        assertThat(result.report().delimiter()).isEqualTo(',');
        assertThat(result.report().rows()).isEqualTo(2);
    }

    @Test
    void headerIsBoldFrozenAndAlwaysText() throws Exception {
        var result = Workbooks.convert("2024,true\n1,false\n");

        Cell header = result.cell(0, 0);
        assertThat(header.getCellType()).isEqualTo(CellType.STRING);
        assertThat(header.getStringCellValue()).isEqualTo("2024");
        assertThat(result.workbook().getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
        PaneInformation pane = result.sheet(0).getPaneInformation();
        assertThat(pane).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(result.cell(1, 0).getNumericCellValue()).isEqualTo(1.0);
        assertThat(result.report().headerRow()).isTrue();
    }

    @Test
    void withoutHeaderTheFirstRowIsDataAndNothingIsFrozen() throws Exception {
        var result = Workbooks.convert(CsvToXlsx.builder().header(false).build(), "2024,true\n1,false\n");

        assertThat(result.cell(0, 0).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(result.cell(0, 1).getBooleanCellValue()).isTrue();
        assertThat(result.sheet(0).getPaneInformation()).isNull();
        assertThat(result.report().rows()).isEqualTo(2);
        assertThat(result.report().headerRow()).isFalse();
    }

    @Test
    void typedCellsBecomeNumbersBooleansAndDates() throws Exception {
        var result = Workbooks.convert("int,neg,dec,bool,date,dt,dts,zero\n"
                + "42,-7,3.25,TRUE,2024-02-29,2024-03-01T08:30,2024-03-01 08:30:15,0\n");

        assertThat(numeric(result.cell(1, 0))).isEqualTo(42.0);
        assertThat(numeric(result.cell(1, 1))).isEqualTo(-7.0);
        assertThat(numeric(result.cell(1, 2))).isEqualTo(3.25);
        assertThat(result.cell(1, 3).getCellType()).isEqualTo(CellType.BOOLEAN);
        assertThat(result.cell(1, 3).getBooleanCellValue()).isTrue();
        assertDate(result.cell(1, 4), LocalDateTime.of(2024, 2, 29, 0, 0), "yyyy-mm-dd");
        assertDate(result.cell(1, 5), LocalDateTime.of(2024, 3, 1, 8, 30), "yyyy-mm-dd hh:mm:ss");
        assertDate(result.cell(1, 6), LocalDateTime.of(2024, 3, 1, 8, 30, 15), "yyyy-mm-dd hh:mm:ss");
        assertThat(numeric(result.cell(1, 7))).isEqualTo(0.0);
    }

    @Test
    void valuesExcelWouldAlterStayText() throws Exception {
        List<String> text = List.of("01234", "0049301234567", "+4930123456", "1234567890123456",
                "12345678.123456789", "1e5", " 42", "42 ", "1,000", "3,14", ".5", "5.", "0x1F", "-",
                "2023-02-30", "1899-12-31", "2024-01-01T25:00", "2024-01-01T10:00Z", "2024-1-1", "yes");
        String csv = "v\n" + String.join("\n", text.stream().map(v -> "\"" + v + "\"").toList()) + "\n";

        var result = Workbooks.convert(csv);

        for (int i = 0; i < text.size(); i++) {
            Cell cell = result.cell(i + 1, 0);
            assertThat(cell.getCellType()).as("cell for %s", text.get(i)).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(text.get(i));
        }
    }

    @Test
    void fifteenSignificantDigitsAreStillNumbers() throws Exception {
        var result = Workbooks.convert("v\n123456789012345\n1234567.12345678\n0.000123456789012345\n100.000\n");

        assertThat(numeric(result.cell(1, 0))).isEqualTo(123456789012345.0);
        assertThat(numeric(result.cell(2, 0))).isEqualTo(1234567.12345678);
        assertThat(numeric(result.cell(3, 0))).isEqualTo(0.000123456789012345);
        assertThat(numeric(result.cell(4, 0))).isEqualTo(100.0);
    }

    @Test
    void keepTextWritesEveryFieldAsText() throws Exception {
        var result = Workbooks.convert(CsvToXlsx.builder().keepText().build(), "a,b,c,d\n42,true,2024-01-01,3.5\n");

        for (int c = 0; c < 4; c++) {
            assertThat(result.cell(1, c).getCellType()).isEqualTo(CellType.STRING);
        }
        assertThat(result.cell(1, 0).getStringCellValue()).isEqualTo("42");
        assertThat(result.cell(1, 2).getStringCellValue()).isEqualTo("2024-01-01");
    }

    @Test
    void emptyFieldsAreBlankCellsAndBlankLinesAreSkipped() throws Exception {
        var result = Workbooks.convert("a,b,c\n\n1,,3\n\r\n4,5,6\n");

        assertThat(result.report().rows()).isEqualTo(2);
        assertThat(result.cell(1, 1)).satisfiesAnyOf(
                c -> assertThat(c).isNull(),
                c -> assertThat(c.getCellType()).isEqualTo(CellType.BLANK));
        assertThat(numeric(result.cell(2, 0))).isEqualTo(4.0);
    }

    @Test
    void rowsBeyondOneSheetContinueOnNewSheetsWithTheHeaderRepeated() throws Exception {
        var converter = CsvToXlsx.builder().rowsPerSheet(3).build();

        var result = Workbooks.convert(converter, "id,name\n1,a\n2,b\n3,c\n4,d\n5,e\n");

        assertThat(result.report().sheets()).isEqualTo(3);
        assertThat(result.report().rows()).isEqualTo(5);
        assertThat(result.workbook().getNumberOfSheets()).isEqualTo(3);
        long id = 1;
        for (int s = 0; s < 3; s++) {
            Sheet sheet = result.sheet(s);
            assertThat(sheet.getSheetName()).isEqualTo("Sheet" + (s + 1));
            assertThat(result.cell(s, 0, 0).getStringCellValue()).isEqualTo("id");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(numeric(result.cell(s, r, 0))).isEqualTo((double) id++);
            }
        }
        assertThat(id).isEqualTo(6);
        assertThat(result.sheet(2).getLastRowNum()).isEqualTo(1);
    }

    @Test
    void withoutHeaderEverySheetIsFullOfData() throws Exception {
        var converter = CsvToXlsx.builder().header(false).rowsPerSheet(2).build();

        var result = Workbooks.convert(converter, "1\n2\n3\n4\n5\n");

        assertThat(result.report().sheets()).isEqualTo(3);
        assertThat(numeric(result.cell(1, 0, 0))).isEqualTo(3.0);
        assertThat(numeric(result.cell(2, 0, 0))).isEqualTo(5.0);
    }

    @Test
    void headerOnlyFileGivesAHeaderOnlySheet() throws Exception {
        var result = Workbooks.convert("a,b\n");

        assertThat(result.report().rows()).isZero();
        assertThat(result.report().sheets()).isEqualTo(1);
        assertThat(result.cell(0, 1).getStringCellValue()).isEqualTo("b");
    }

    @Test
    void lenientFieldCountAcceptsRaggedRows() throws Exception {
        var converter = CsvToXlsx.builder().strictFieldCount(false).build();

        var result = Workbooks.convert(converter, "a,b,c\n1,2\n1,2,3,4\n");

        assertThat(result.report().columns()).isEqualTo(4);
        assertThat(result.cell(1, 2)).isNull();
        assertThat(numeric(result.cell(2, 3))).isEqualTo(4.0);
    }

    @Test
    void lineBreaksMayBeCrOnly() throws Exception {
        var result = Workbooks.convert("a,b\r1,2\r3,4\r");

        assertThat(result.report().rows()).isEqualTo(2);
        assertThat(numeric(result.cell(2, 1))).isEqualTo(4.0);
    }

    @Test
    void convertingFilesMovesTheWorkbookIntoPlaceOnlyWhenComplete(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "a,b\n1,2\n");
        Path xlsx = dir.resolve("out.xlsx");

        ConversionReport report = CsvToXlsx.builder().build().convert(csv, xlsx);

        assertThat(report.rows()).isEqualTo(1);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2.0);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.csv", "out.xlsx");
        }
    }

    @Test
    void failedFileConversionLeavesNoOutputAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "a,b\n1,2\n3,4,5\n");
        Path xlsx = dir.resolve("out.xlsx");

        assertThatThrownBy(() -> CsvToXlsx.builder().build().convert(csv, xlsx))
                .isInstanceOf(CsvConversionException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.csv");
        }
    }

    @Test
    void theConverterCanBeReusedAndLeavesTheStreamsOpen() throws Exception {
        CsvToXlsx converter = CsvToXlsx.builder().delimiter(Optional.empty()).build();
        var out = new ByteArrayOutputStream();
        var closed = new boolean[2];
        var in = new java.io.ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        var tracked = new java.io.FilterOutputStream(out) {
            @Override
            public void close() {
                closed[1] = true;
            }
        };

        converter.convert(in, tracked);

        assertThat(closed).containsExactly(false, false);

        assertThat(Workbooks.convert(converter, "b\n2\n").report().rows()).isEqualTo(1);
    }

    @Test
    void builderRejectsImpossibleOptionsWithStableIds() {
        assertThatThrownBy(() -> CsvToXlsx.builder().delimiter(':'))
                .hasMessageStartingWith("csv.C003");
        assertThatThrownBy(() -> CsvToXlsx.builder().rowsPerSheet(1)).hasMessageStartingWith("csv.C002");
        assertThatThrownBy(() -> CsvToXlsx.builder().rowsPerSheet(1_048_577)).hasMessageStartingWith("csv.C002");
        assertThatThrownBy(() -> CsvToXlsx.builder().maxRows(0)).hasMessageStartingWith("csv.C001");
    }

    private static double numeric(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    private static void assertDate(Cell cell, LocalDateTime expected, String format) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(expected);
        assertThat(((XSSFCell) cell).getCellStyle().getDataFormatString()).isEqualTo(format);
    }
}
