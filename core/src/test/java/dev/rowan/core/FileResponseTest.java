package dev.rowan.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ctx.file(path)} and {@code ctx.download(path, name)} share the static files' conditional and range logic. */
class FileResponseTest {
    @TempDir
    Path tmp;
    private App app;
    private LocalHttp http;

    @BeforeEach
    void start() throws Exception {
        Path report = Files.writeString(tmp.resolve("report.csv"), "a,b\n1,2\n");
        app = App.create(Config.of(Map.of()))
                .get("/file", ctx -> ctx.file(report))
                .get("/typed", ctx -> {
                    ctx.contentType("text/plain; charset=utf-8").header("Cache-Control", "no-store");
                    ctx.file(report);
                })
                .get("/missing", ctx -> ctx.file(tmp.resolve("nope.csv")))
                .get("/folder", ctx -> ctx.file(tmp))
                .get("/download", ctx -> ctx.download(report, ctx.query("name").asString()))
                .start(0);
        http = new LocalHttp(app);
    }

    @AfterEach
    void stop() {
        app.stop();
        http.close();
    }


    @Test
    void sendsAFileWithValidatorsAndAPrivateCachePolicy() throws Exception {
        var res = http.get("/file");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("a,b\n1,2\n");
        assertThat(res.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(res.headers().firstValue("Cache-Control")).contains("private, no-cache");
        String etag = res.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/file", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(http.get("/file", "If-Modified-Since", res.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void keepsHeadersTheHandlerSet() throws Exception {
        var res = http.get("/typed");
        assertThat(res.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(res.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void servesRangesAndRefusesUnsatisfiableOnes() throws Exception {
        var part = http.get("/file", "Range", "bytes=4-6");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("1,2");
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 4-6/8");
        var beyond = http.get("/file", "Range", "bytes=8-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */8");
    }

    @Test
    void missingFilesAndFoldersAre404() throws Exception {
        assertThat(http.get("/missing").statusCode()).isEqualTo(404);
        assertThat(http.get("/folder").statusCode()).isEqualTo(404);
    }

    @Test
    void downloadsGetASafeContentDisposition() throws Exception {
        var plain = http.get("/download?name=report.csv");
        assertThat(plain.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"report.csv\"; filename*=UTF-8''report.csv");
        assertThat(plain.body()).isEqualTo("a,b\n1,2\n");

        var unicode = http.get("/download?name=" + enc("Résumé \"final\" 100%.csv"));
        assertThat(unicode.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"R_sum_ _final_ 100_.csv\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%20100%25.csv");

        var sneaky = http.get("/download?name=" + enc("../../etc/passwd\r\nSet-Cookie: x=1"));
        assertThat(sneaky.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(sneaky.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"passwdSet-Cookie: x=1\"").doesNotContain("..", "/");
        assertThat(http.get("/download?name=" + enc("C:\\Users\\eve\\..")).headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"download\"; filename*=UTF-8''download");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
