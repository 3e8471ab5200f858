package dev.rowan.examples.csv2xlsx.convert;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Test helper: converts in memory and reads the result back with Apache POI, an independent reader. */
final class Workbooks {

    record Result(ConversionReport report, XSSFWorkbook workbook, byte[] bytes) {
        Sheet sheet(int index) {
            return workbook.getSheetAt(index);
        }

        Cell cell(int row, int column) {
            return cell(0, row, column);
        }

        Cell cell(int sheet, int row, int column) {
            Row r = workbook.getSheetAt(sheet).getRow(row);
            return r == null ? null : r.getCell(column);
        }
    }

    private Workbooks() {
    }

    static Result convert(CsvToXlsx converter, String csv) throws IOException, CsvConversionException {
        return convert(converter, csv.getBytes(StandardCharsets.UTF_8));
    }

    static Result convert(CsvToXlsx converter, byte[] csv) throws IOException, CsvConversionException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConversionReport report = converter.convert(new ByteArrayInputStream(csv), out);
        byte[] bytes = out.toByteArray();
        return new Result(report, new XSSFWorkbook(new ByteArrayInputStream(bytes)), bytes);
    }

    static Result convert(String csv) throws IOException, CsvConversionException {
        return convert(CsvToXlsx.builder().build(), csv);
    }
}
