package dev.rowan.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartUploadTest {
    private static final String B = "----RowanTestBoundary7MA4YWxkTrZu0gW";
    /** Content that starts like a delimiter but is not one. */
    private static final String LOOKALIKE = "\r\n--" + B.substring(0, 20) + " no";

    @TempDir
    Path tmp;
    private App app;
    private Path uploads;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** Starts an app whose /upload echoes what it parsed and how many temp files existed meanwhile. */
    private void start(Map<String, String> extra) {
        uploads = tmp.resolve("uploads");
        var cfg = new HashMap<String, String>(Map.of("server.upload-dir", uploads.toString()));
        cfg.putAll(extra);
        app = App.create(Config.of(cfg))
                .post("/upload", ctx -> {
                    var out = new StringBuilder();
                    new TreeMap<>(ctx.formParams()).forEach((k, v) -> out.append("field ").append(k).append('=').append(v).append('\n'));
                    for (String name : new java.util.TreeSet<>(fileFields(ctx))) {
                        for (UploadedFile f : ctx.files(name)) {
                            try (InputStream in = f.open()) {
                                out.append("file ").append(f.fieldName()).append(" '").append(f.filename()).append("' ")
                                        .append(f.contentType()).append(' ').append(f.size()).append(' ')
                                        .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                            }
                        }
                    }
                    out.append("temp files during request: ").append(RawHttp.list(uploads).size());
                    ctx.text(out.toString());
                })
                .post("/fail", ctx -> {
                    ctx.file("doc");
                    throw new IllegalStateException("handler failed after the upload was parsed");
                })
                .post("/keep", ctx -> {
                    Path target = tmp.resolve("kept").resolve(ctx.file("doc").orElseThrow().filename());
                    ctx.file("doc").orElseThrow().moveTo(target);
                    ctx.text("kept " + Files.readString(target));
                })
                .post("/digest", ctx -> {
                    UploadedFile f = ctx.file("big").orElseThrow();
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    try (InputStream in = f.open()) {
                        byte[] buf = new byte[65536];
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            sha.update(buf, 0, n);
                        }
                    }
                    ctx.text(f.size() + " " + HexFormat.of().formatHex(sha.digest()) + " " + ctx.form("note").asString());
                })
                .start(0);
    }

    private static java.util.List<String> fileFields(Context ctx) {
        // The handler asks for the file fields the tests use; Context has no "all files" accessor.
        return java.util.List.of("doc", "docs", "a", "b", "c", "empty");
    }

    // ------------------------------------------------------------------ helpers

    private static String field(String name, String value) {
        return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String file(String name, String disposition, String type, String content) {
        return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; " + disposition + "\r\n"
                + (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n") + "\r\n" + content + "\r\n";
    }

    private static String end() {
        return "--" + B + "--\r\n";
    }

    private RawHttp.Response post(String path, String contentType, String body) throws IOException {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Response post(String path, String contentType, byte[] body) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var all = new ByteArrayOutputStream();
        all.writeBytes(head);
        all.writeBytes(body);
        return RawHttp.send(app.port(), all.toByteArray());
    }

    private RawHttp.Response upload(String body) throws IOException {
        return post("/upload", "multipart/form-data; boundary=" + B, body);
    }

    private void assertNoTempFiles() throws Exception {
        assertThat(RawHttp.awaitEmpty(uploads)).as("upload temp files left behind").isEmpty();
    }

    // ------------------------------------------------------------------ parsing

    @Test
    void parsesFieldsAndFilesAndDeletesTempFilesAfterTheRequest() throws Exception {
        start(Map.of());
        var res = upload("preamble is ignored\r\n" + field("title", "Grüße & más") + field("tag", "a") + field("tag", "b")
                + file("doc", "filename=\"notes.txt\"", "text/plain", "line one\r\nline two")
                + file("docs", "filename=\"x.bin\"", "", LOOKALIKE)
                + end() + "epilogue is ignored");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).isEqualTo("""
                field tag=[a, b]
                field title=[Grüße & más]
                file doc 'notes.txt' text/plain 18 line one\r
                line two
                file docs 'x.bin' application/octet-stream 27 %s
                temp files during request: 2""".formatted(LOOKALIKE));
        assertNoTempFiles();
    }

    @Test
    void acceptsAQuotedBoundaryAndTheExtendedFilenameForm() throws Exception {
        start(Map.of());
        var res = post("/upload", "multipart/form-data; charset=utf-8; boundary=\"" + B + "\"",
                file("doc", "filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt", "text/plain", "x") + end());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).contains("file doc '€ rates.txt' text/plain 1 x");
        assertNoTempFiles();
    }

    @Test
    void reducesClientFileNamesToTheirLastPathElement() throws Exception {
        start(Map.of());
        var res = upload(file("a", "filename=\"../../etc/passwd\"", "", "1")
                + file("b", "filename=\"C:\\\\Users\\\\eve\\\\..\\\\evil.txt\"", "", "2")
                + file("c", "filename=\"nul\u0001byte\"", "", "3")
                + file("docs", "filename=\"..\"", "", "4") + end());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).contains("file a 'passwd'", "file b 'evil.txt'", "file c 'nulbyte'", "file docs ''");
        assertNoTempFiles();
    }

    @Test
    void skipsAnEmptyFileInput() throws Exception {
        start(Map.of());
        var res = upload(field("t", "1") + file("empty", "filename=\"\"", "application/octet-stream", "") + end());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).doesNotContain("file empty").contains("temp files during request: 0");
    }

    @Test
    void movedUploadsOutliveTheRequest() throws Exception {
        start(Map.of());
        var res = post("/keep", "multipart/form-data; boundary=" + B, file("doc", "filename=\"k.txt\"", "", "keep me") + end());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).isEqualTo("kept keep me");
        assertThat(tmp.resolve("kept/k.txt")).hasContent("keep me");
        assertNoTempFiles();
    }

    @Test
    void tempFilesAreReadableOnlyByTheServerUser() throws Exception {
        uploads = tmp.resolve("uploads");
        // A middleware parses the form first, so the handler sees the temp file on disk.
        app = App.create(Config.of(Map.of("server.upload-dir", uploads.toString())))
                .before(ctx -> ctx.formParams())
                .post("/upload", ctx -> {
                    Path temp = RawHttp.list(uploads).getFirst();
                    ctx.text(Files.getPosixFilePermissions(temp).stream().map(PosixFilePermission::name).sorted().collect(Collectors.joining(","))
                            + " " + temp.getFileName().toString().startsWith("rowan-upload-"));
                }).start(0);
        var res = upload(file("doc", "filename=\"p.txt\"", "", "secret") + end());
        assertThat(res.text()).isEqualTo("OWNER_READ,OWNER_WRITE true");
        assertNoTempFiles();
    }

    // ------------------------------------------------------------------ rejections

    @Test
    void aMissingOrInvalidBoundaryIsA400() throws Exception {
        start(Map.of());
        var missing = post("/upload", "multipart/form-data", field("a", "1") + end());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("no boundary");
        var tooLong = post("/upload", "multipart/form-data; boundary=" + "x".repeat(71), field("a", "1") + end());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("boundary is invalid");
        var badChars = post("/upload", "multipart/form-data; boundary=\"a<b>\"", field("a", "1") + end());
        assertThat(badChars.status()).isEqualTo(400);
    }

    @Test
    void truncatedBodiesAreA400AndLeaveNoTempFiles() throws Exception {
        start(Map.of());
        var noClose = upload(file("doc", "filename=\"a.txt\"", "", "complete file") + file("docs", "filename=\"b.txt\"", "", "cut off"));
        assertThat(noClose.status()).isEqualTo(400);
        assertThat(noClose.text()).contains("truncated", "closing boundary");
        var midHeaders = upload("--" + B + "\r\nContent-Disposition: form-data; na");
        assertThat(midHeaders.status()).isEqualTo(400);
        var noBoundaryAtAll = upload("just some text");
        assertThat(noBoundaryAtAll.status()).isEqualTo(400);
        assertNoTempFiles();
    }

    @Test
    void malformedPartsAreA400() throws Exception {
        start(Map.of());
        assertThat(upload("--" + B + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + end()).text()).contains("no Content-Disposition");
        assertThat(upload("--" + B + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n" + end()).text()).contains("no field name");
        assertThat(upload("--" + B + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n" + end()).status()).isEqualTo(400);
        assertThat(upload("--" + B + "\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n" + end()).status()).isEqualTo(400);
        assertThat(upload("--" + B + "\r\nno colon here\r\n\r\nx\r\n" + end()).status()).isEqualTo(400);
        assertThat(upload("--" + B + "garbage\r\n" + end()).status()).isEqualTo(400);
    }

    @Test
    void oversizedPartHeadersAreA400AndEarlierFilesAreDeleted() throws Exception {
        start(Map.of("server.max-part-header-size", "512"));
        var res = upload(file("doc", "filename=\"first.txt\"", "", "written before the bad part")
                + "--" + B + "\r\nContent-Disposition: form-data; name=\"b\"\r\nX-Padding: " + "p".repeat(600) + "\r\n\r\nx\r\n" + end());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("headers are larger than the limit of 512 bytes");
        assertNoTempFiles();
    }

    @Test
    void tooManyFieldsIsA400() throws Exception {
        start(Map.of("server.max-form-fields", "3"));
        var res = upload(field("a", "1") + field("b", "2") + field("c", "3") + field("d", "4") + end());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("more than 3 fields");
    }

    @Test
    void tooManyFilesIsA400AndTheFilesAlreadyWrittenAreDeleted() throws Exception {
        start(Map.of("server.max-upload-files", "2"));
        var res = upload(file("docs", "filename=\"1.txt\"", "", "one") + file("docs", "filename=\"2.txt\"", "", "two")
                + file("docs", "filename=\"3.txt\"", "", "three") + end());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("more than 2 files");
        assertNoTempFiles();
    }

    @Test
    void textFieldsOverTheMemoryLimitAreA413() throws Exception {
        start(Map.of("server.max-form-memory-size", "100"));
        var res = upload(file("doc", "filename=\"ok.txt\"", "", "files do not count: " + "f".repeat(500))
                + field("a", "x".repeat(60)) + field("b", "y".repeat(60)) + end());
        assertThat(res.status()).isEqualTo(413);
        assertThat(res.text()).contains("server.max-form-memory-size");
        assertNoTempFiles();
    }

    @Test
    void aBodyOverTheServerLimitMidFileIsA413AndThePartialFileIsDeleted() throws Exception {
        start(Map.of("server.max-body-size", "64KB"));
        // Chunked, so the engine cannot refuse it from Content-Length and the limit hits inside the file part.
        var body = new ByteArrayOutputStream();
        body.writeBytes(("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=" + B
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] start = ("--" + B + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"big.bin\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        chunk(body, start);
        byte[] block = new byte[8192];
        java.util.Arrays.fill(block, (byte) 'z');
        for (int i = 0; i < 12; i++) {
            chunk(body, block);
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        var res = RawHttp.send(app.port(), body.toByteArray());
        assertThat(res.status()).isEqualTo(413);
        assertNoTempFiles();
    }

    private static void chunk(ByteArrayOutputStream out, byte[] data) {
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHandlerThatThrowsStillGetsItsTempFilesDeleted() throws Exception {
        start(Map.of());
        var res = post("/fail", "multipart/form-data; boundary=" + B, file("doc", "filename=\"x.txt\"", "", "data") + end());
        assertThat(res.status()).isEqualTo(500);
        assertNoTempFiles();
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNoTempFiles() throws Exception {
        start(Map.of());
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=" + B
                    + "\r\nContent-Length: 1000000\r\n\r\n--" + B
                    + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"half.bin\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[100_000]);
            out.flush();
            // Wait until the parser is inside the file part (its temp file exists), then vanish.
            for (int i = 0; i < 400 && RawHttp.list(uploads).isEmpty(); i++) {
                Thread.sleep(25);
            }
            assertThat(RawHttp.list(uploads)).as("the upload had started").hasSize(1);
        }
        assertNoTempFiles();
    }

    // ------------------------------------------------------------------ streaming

    @Test
    void aFiftyMegabyteUploadIsStreamedToDisk() throws Exception {
        start(Map.of("server.max-body-size", "64MB"));
        long size = 50L * 1024 * 1024;
        byte[] head = (field("note", "big one") + "--" + B
                + "\r\nContent-Disposition: form-data; name=\"big\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n" + end()).getBytes(StandardCharsets.UTF_8);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (InputStream content = new PatternStream(size)) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = content.read(buf)) > 0) {
                expected.update(buf, 0, n);
            }
        }
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/digest"))
                .header("Content-Type", "multipart/form-data; boundary=" + B)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        java.util.Collections.enumeration(java.util.List.of(new java.io.ByteArrayInputStream(head), new PatternStream(size),
                                new java.io.ByteArrayInputStream(tail))))), head.length + size + tail.length))
                .build();
        HttpResponse<String> res;
        try (HttpClient client = HttpClient.newHttpClient()) {
            res = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo(size + " " + HexFormat.of().formatHex(expected.digest()) + " big one");
        assertNoTempFiles();
    }

    /** Deterministic bytes that contain CR, LF and '-' often, so delimiter look-alikes cross buffer edges. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private long pos;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (pos >= size) {
                return -1;
            }
            return at(pos++);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) at(pos++);
            }
            return n;
        }

        private static int at(long i) {
            long m = i % 1009;
            return m < 4 ? "\r\n--".charAt((int) m) : (int) ((i * 31 + 7) & 0xff);
        }
    }
}
