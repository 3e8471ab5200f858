package dev.rowan.examples.csv2xlsx.convert;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers that trust a sheet's {@code <dimension>} (openpyxl in read-only mode, some importers) see only
 * that range, so each sheet must declare the cells it really uses. Checked in the sheet XML itself.
 */
class DimensionTest {

    private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"([^\"]*)\"/>");

    @Test
    void theSheetDeclaresTheRangeItUses() throws Exception {
        var result = Workbooks.convert("a,b,c\n1,2,3\n4,5,6\n7,8,9\n");

        assertThat(dimension(result.bytes(), 1)).isEqualTo("A1:C4");
        assertThat(result.cell(3, 2).getNumericCellValue()).isEqualTo(9.0);
    }

    @Test
    void raggedRowsWidenTheRangeToTheWidestRow() throws Exception {
        var result = Workbooks.convert(CsvToXlsx.builder().strictFieldCount(false).build(),
                "a,b\n1,2\n1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28\n");

        assertThat(dimension(result.bytes(), 1)).isEqualTo("A1:AB3");
    }

    @Test
    void eachContinuationSheetDeclaresItsOwnRows() throws Exception {
        var result = Workbooks.convert(CsvToXlsx.builder().rowsPerSheet(3).build(), "h1,h2\n1,2\n3,4\n5,6\n");

        assertThat(dimension(result.bytes(), 1)).isEqualTo("A1:B3");
        assertThat(dimension(result.bytes(), 2)).isEqualTo("A1:B2");
        assertThat(result.cell(1, 1, 1).getNumericCellValue()).isEqualTo(6.0);
    }

    @Test
    void aHeaderOnlyFileDeclaresTheHeaderRow() throws Exception {
        var result = Workbooks.convert("name,city,zip\n");

        assertThat(dimension(result.bytes(), 1)).isEqualTo("A1:C1");
    }

    /** The {@code ref} of sheet {@code n}'s dimension, read straight from the zip, not through a library. */
    static String dimension(byte[] xlsx, int n) throws IOException {
        Path file = Files.createTempFile("dimension-", ".xlsx");
        try {
            Files.write(file, xlsx);
            return dimension(file, n);
        } finally {
            Files.delete(file);
        }
    }

    static String dimension(Path xlsx, int n) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet" + n + ".xml");
            assertThat(sheet).as("sheet %d in the workbook", n).isNotNull();
            try (InputStream in = zip.getInputStream(sheet)) {
                return dimensionIn(in);
            }
        }
    }

    private static String dimensionIn(InputStream sheet) throws IOException {
        String start = new String(sheet.readNBytes(4096), StandardCharsets.UTF_8);
        Matcher m = DIMENSION.matcher(start);
        assertThat(m.find()).as("a <dimension> element near the start of %s", start).isTrue();
        return m.group(1);
    }
}
