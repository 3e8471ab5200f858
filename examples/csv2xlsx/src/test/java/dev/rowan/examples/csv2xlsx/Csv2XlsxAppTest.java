package dev.rowan.examples.csv2xlsx;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload page through a real socket: conversions, every rejection, and no temp file left behind. */
class Csv2XlsxAppTest {
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path uploads;
    private App app;

    @AfterEach
    void stop() throws Exception {
        app.stop();
        assertThat(awaitEmpty(uploads)).as("temporary files left behind").isEmpty();
    }

    private void start(Map<String, String> extra) {
        var settings = new HashMap<>(Map.of("server.upload-dir", uploads.toString()));
        settings.putAll(extra);
        app = App.create(Config.of(settings)).install(Csv2XlsxApp.at("/csv2xlsx")).start(0);
    }

    private void start() {
        start(Map.of());
    }

    @Test
    void showsTheUploadForm() throws Exception {
        start();
        var r = http.send(request("/csv2xlsx/").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<form method=\"post\" action=\"/csv2xlsx/\" enctype=\"multipart/form-data\">")
                .contains("type=\"file\"").contains("<option value=\"semicolon\">").contains("name=\"header\" checked")
                .contains("name=\"text\"").contains("Files up to 10 MB");
    }

    @Test
    void convertsAnUploadIntoATypedWorkbookDownload() throws Exception {
        start();
        var r = upload(new Multipart().field("delimiter", "auto").field("header", "on")
                .file("csv", "sales.csv", "name,amount,paid,day\nAda,12.5,true,2026-11-27\n\"Lovelace, A\",3,false,2026-11-28\n"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment;").contains("filename=\"sales.xlsx\""));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.5);
            assertThat(sheet.getRow(1).getCell(2).getBooleanCellValue()).isTrue();
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Lovelace, A");
        }
    }

    @Test
    void honoursTheChosenDelimiterAndKeepsText() throws Exception {
        start();
        var r = upload(new Multipart().field("delimiter", "semicolon").field("text", "on")
                .file("csv", "eu.csv", "1;2,5;true\n3;4,5;false\n"));
        assertThat(r.statusCode()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("2,5");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void aMalformedCsvGets400NamingTheLine() throws Exception {
        start();
        var r = uploadForText(new Multipart().field("header", "on").file("csv", "bad.csv", "a,b\n1,2\n3,\"never closed\n4,5\n"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(r.body()).contains("Line 3: the file could not be converted.").contains("csv.E003")
                .contains("<form method=\"post\"");
    }

    @Test
    void aRaggedRowGets400NamingTheLine() throws Exception {
        start();
        var r = uploadForText(new Multipart().file("csv", "ragged.csv", "a,b\n1,2\n3,4,5\n"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Line 3:").contains("csv.E004");
    }

    @Test
    void anEmptyFileGets400() throws Exception {
        start();
        var r = uploadForText(new Multipart().file("csv", "empty.csv", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("csv.E001");
    }

    @Test
    void aNonCsvUploadGets400() throws Exception {
        start();
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        var r = uploadForText(new Multipart().file("csv", "book.xlsx", zip));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("csv.E002");
    }

    @Test
    void noFileChosenGets400() throws Exception {
        start();
        var r = uploadForText(new Multipart().field("delimiter", "auto").file("csv", "", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Choose a CSV file to convert.");
    }

    @Test
    void anUnknownDelimiterGets400() throws Exception {
        start();
        var r = uploadForText(new Multipart().field("delimiter", "x").file("csv", "a.csv", "a\n"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Unknown delimiter &#39;x&#39;");
    }

    @Test
    void moreRowsThanAllowedGets413() throws Exception {
        start(Map.of("csv2xlsx.max-rows", "2"));
        var r = uploadForText(new Multipart().file("csv", "a.csv", "h\n1\n2\n3\n"));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("csv.E005");
    }

    @Test
    void anUploadOverTheBodyLimitGets413() throws Exception {
        start(Map.of("server.max-body-size", "64KB"));
        String big = "a,b\n" + "1,2\n".repeat(50_000);
        var r = uploadForText(new Multipart().file("csv", "big.csv", big));
        assertThat(r.statusCode()).isEqualTo(413);
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<byte[]> upload(Multipart form) throws IOException, InterruptedException {
        return http.send(request("/csv2xlsx/").header("Content-Type", Multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.build())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Page uploadForText(Multipart form) throws IOException, InterruptedException {
        var r = upload(form);
        return new Page(r.statusCode(), r.headers(), new String(r.body(), StandardCharsets.UTF_8));
    }

    private record Page(int statusCode, HttpHeaders headers, String body) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Accept", "text/html");
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
