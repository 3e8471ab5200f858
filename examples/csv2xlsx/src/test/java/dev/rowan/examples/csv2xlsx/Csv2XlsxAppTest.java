package dev.rowan.examples.csv2xlsx;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.test.TestClient;
import dev.rowan.test.TestFile;
import dev.rowan.test.TestResponse;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload page through a real socket: conversions, every rejection, and no temp file left behind.
 * Socket mode, not in memory, because two things checked here belong to the HTTP server: it enforces
 * {@code server.max-body-size} while the bytes arrive, and it streams uploads to temporary files and
 * removes them when the request ends on its own threads. The in-memory client would only imitate both.
 */
class Csv2XlsxAppTest {
    @TempDir
    Path uploads;
    private TestClient client;

    @AfterEach
    void stop() throws Exception {
        client.close();   // stops the app, which the client started
        assertThat(awaitEmpty(uploads)).as("temporary files left behind").isEmpty();
    }

    private void start(Map<String, String> extra) {
        var settings = new HashMap<>(Map.of("server.upload-dir", uploads.toString()));
        settings.putAll(extra);
        App app = App.create(Config.of(settings)).install(Csv2XlsxApp.at("/csv2xlsx"));
        // A browser asks for HTML, so refusals come back as the form page.
        client = TestClient.overSocket(app).defaultHeader("Accept", "text/html");
    }

    private void start() {
        start(Map.of());
    }

    @Test
    void showsTheUploadForm() {
        start();
        var r = client.get("/csv2xlsx/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("<form method=\"post\" action=\"/csv2xlsx/\" enctype=\"multipart/form-data\">")
                .contains("type=\"file\"").contains("<option value=\"semicolon\">").contains("name=\"header\" checked")
                .contains("name=\"text\"").contains("Files up to 10 MB");
    }

    @Test
    void convertsAnUploadIntoATypedWorkbookDownload() throws IOException {
        start();
        var r = upload(Map.of("delimiter", "auto", "header", "on"),
                csv("sales.csv", "name,amount,paid,day\nAda,12.5,true,2026-11-27\n\"Lovelace, A\",3,false,2026-11-28\n"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment;").contains("filename=\"sales.xlsx\""));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.5);
            assertThat(sheet.getRow(1).getCell(2).getBooleanCellValue()).isTrue();
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Lovelace, A");
        }
    }

    @Test
    void honoursTheChosenDelimiterAndKeepsText() throws IOException {
        start();
        var r = upload(Map.of("delimiter", "semicolon", "text", "on"), csv("eu.csv", "1;2,5;true\n3;4,5;false\n"));
        assertThat(r.status()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("2,5");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void aMalformedCsvGets400NamingTheLine() {
        start();
        var r = upload(Map.of("header", "on"), csv("bad.csv", "a,b\n1,2\n3,\"never closed\n4,5\n"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Disposition")).isEmpty();
        assertThat(r.text()).contains("Line 3: the file could not be converted.").contains("csv.E003")
                .contains("<form method=\"post\"");
    }

    @Test
    void aRaggedRowGets400NamingTheLine() {
        start();
        var r = upload(Map.of(), csv("ragged.csv", "a,b\n1,2\n3,4,5\n"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("Line 3:").contains("csv.E004");
    }

    @Test
    void anEmptyFileGets400() {
        start();
        var r = upload(Map.of(), csv("empty.csv", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("csv.E001");
    }

    @Test
    void aNonCsvUploadGets400() {
        start();
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        // Labelled text/csv on purpose: the app must know a workbook by its bytes, not by the type the browser claims.
        var r = upload(Map.of(), TestFile.of("book.xlsx", "text/csv", zip));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("csv.E002");
    }

    @Test
    void noFileChosenGets400() {
        start();
        // What a browser sends for an empty file input: a part with no filename and no content.
        var r = upload(Map.of("delimiter", "auto"), TestFile.of("", "application/octet-stream", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("Choose a CSV file to convert.");
    }

    @Test
    void anUnknownDelimiterGets400() {
        start();
        var r = upload(Map.of("delimiter", "x"), csv("a.csv", "a\n"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("Unknown delimiter &#39;x&#39;");
    }

    @Test
    void moreRowsThanAllowedGets413() {
        start(Map.of("csv2xlsx.max-rows", "2"));
        var r = upload(Map.of(), csv("a.csv", "h\n1\n2\n3\n"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).contains("csv.E005");
    }

    @Test
    void anUploadOverTheBodyLimitGets413() {
        start(Map.of("server.max-body-size", "64KB"));
        String big = "a,b\n" + "1,2\n".repeat(50_000);
        var r = upload(Map.of(), csv("big.csv", big));
        assertThat(r.status()).isEqualTo(413);
    }

    // ------------------------------------------------------------------ helpers

    /** Posts the form with the chosen options, then the file. */
    private TestResponse upload(Map<String, String> options, TestFile file) {
        var parts = new LinkedHashMap<String, Object>(options);
        parts.put("csv", file);
        return client.request("POST", "/csv2xlsx/").multipart(parts).send();
    }

    private static TestFile csv(String filename, String content) {
        return TestFile.of(filename, "text/csv", content);
    }

    /** Temp files are deleted as the request ends, which may be just after the client has the response. */
    private static List<Path> awaitEmpty(Path dir) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> left = files.toList();
                if (left.isEmpty()) {
                    return left;
                }
            }
            Thread.sleep(10);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
