package dev.rowan.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class StaticFilesTest {
    private static final String HELLO = "Hello, static world!";

    @TempDir
    Path tmp;
    private Path root;
    private App app;
    private LocalHttp http;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(tmp.resolve("public"));
        Files.createDirectories(root.resolve("css"));
        Files.createDirectories(root.resolve("js"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("hello.txt"), HELLO);
        Files.writeString(root.resolve("css/site.css"), "body { margin: 0; }\n");
        Files.writeString(root.resolve("js/app.min.js"), "console.log('hi');\n");
        Files.writeString(root.resolve("docs/a b €.txt"), "spaces and euro");
        Files.writeString(root.resolve(".env"), "SECRET_KEY=hidden");
        Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-FOLDER");
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/secret.txt"), "TOP-SECRET-FOLDER");
        Files.createSymbolicLink(root.resolve("inside-link.txt"), root.resolve("hello.txt"));
        Files.createSymbolicLink(root.resolve("escape.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("escape-dir"), tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("relative-escape.txt"), Path.of("../secret.txt"));
        Files.createDirectories(tmp.resolve("other"));
        Files.writeString(tmp.resolve("other/other.txt"), "from the second folder");
        Files.writeString(tmp.resolve("other/hello.txt"), "shadowed by the first mount");
        app = App.create(Config.of(Map.of()))
                .install(StaticFiles.folder(root).at("/static"))
                .install(StaticFiles.classpath("rowan-static-test").at("/cp/"))
                .install(StaticFiles.folder(tmp.resolve("other")).at("/other"))
                .start(0);
        http = new LocalHttp(app);
    }

    @AfterEach
    void stop() {
        app.stop();
        http.close();
    }


    // ------------------------------------------------------------------ serving

    @Test
    void servesAFileWithTypeValidatorsAndAShortCacheLifetime() throws Exception {
        var res = http.get("/static/css/site.css");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("body { margin: 0; }\n");
        assertThat(res.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(res.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{32}\""));
        assertThat(res.headers().firstValue("Last-Modified")).hasValueSatisfying(d -> assertThat(d).endsWith(" GMT"));
        assertThat(res.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(res.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(res.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void headSendsTheHeadersWithoutTheBody() throws Exception {
        var res = http.send("HEAD", "/static/hello.txt", HttpRequest.BodyPublishers.noBody());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEmpty();
        assertThat(res.headers().firstValue("Content-Length")).contains(String.valueOf(HELLO.length()));
        assertThat(res.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void otherMethodsAreA405() throws Exception {
        var res = http.send("POST", "/static/hello.txt", HttpRequest.BodyPublishers.ofString("x"));
        assertThat(res.statusCode()).isEqualTo(405);
    }

    @Test
    void answersConditionalRequestsWith304() throws Exception {
        var first = http.get("/static/hello.txt");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        var same = http.get("/static/hello.txt", "If-None-Match", etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).contains(etag);
        assertThat(http.get("/static/hello.txt", "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(http.get("/static/hello.txt", "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(http.get("/static/hello.txt", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        assertThat(http.get("/static/hello.txt", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(http.get("/static/hello.txt", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:01 GMT").statusCode()).isEqualTo(200);
        assertThat(http.get("/static/hello.txt", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
        // If-None-Match wins over If-Modified-Since.
        assertThat(http.get("/static/hello.txt", "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
        assertThat(http.get("/static/hello.txt", "If-Match", "\"other\"").statusCode()).isEqualTo(412);
        assertThat(http.get("/static/hello.txt", "If-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangedFileGetsANewETag() throws Exception {
        String before = http.get("/static/hello.txt").headers().firstValue("ETag").orElseThrow();
        Files.writeString(root.resolve("hello.txt"), "changed");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.from(Instant.now().plusSeconds(10)));
        var after = http.get("/static/hello.txt", "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("changed");
    }

    @Test
    void servesSingleByteRanges() throws Exception {
        var first = http.get("/static/hello.txt", "Range", "bytes=0-4");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).isEqualTo("Hello");
        assertThat(first.headers().firstValue("Content-Range")).contains("bytes 0-4/20");
        assertThat(first.headers().firstValue("Content-Length")).contains("5");

        var open = http.get("/static/hello.txt", "Range", "bytes=7-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo("static world!");
        assertThat(open.headers().firstValue("Content-Range")).contains("bytes 7-19/20");

        var suffix = http.get("/static/hello.txt", "Range", "bytes=-6");
        assertThat(suffix.body()).isEqualTo("world!");
        var pastEnd = http.get("/static/hello.txt", "Range", "bytes=14-1000");
        assertThat(pastEnd.statusCode()).isEqualTo(206);
        assertThat(pastEnd.body()).isEqualTo("world!");
    }

    @Test
    void unsatisfiableRangesAreA416AndOddRangesGetTheWholeFile() throws Exception {
        var beyond = http.get("/static/hello.txt", "Range", "bytes=20-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */20");
        assertThat(http.get("/static/hello.txt", "Range", "bytes=-0").statusCode()).isEqualTo(416);

        for (String range : List.of("bytes=0-1,4-5", "bytes=5-2", "items=0-1", "bytes=abc", "bytes=-")) {
            var res = http.get("/static/hello.txt", "Range", range);
            assertThat(res.statusCode()).as(range).isEqualTo(200);
            assertThat(res.body()).as(range).isEqualTo(HELLO);
        }
    }

    @Test
    void ifRangeOnlyHonoursTheRangeForTheCurrentVersion() throws Exception {
        String etag = http.get("/static/hello.txt").headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/static/hello.txt", "Range", "bytes=0-4", "If-Range", etag).statusCode()).isEqualTo(206);
        var stale = http.get("/static/hello.txt", "Range", "bytes=0-4", "If-Range", "\"stale\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(HELLO);
    }

    // ------------------------------------------------------------------ fingerprints

    @Test
    void fingerprintedUrlsAreServedWithALongImmutableCacheLifetime() throws Exception {
        StaticUrls urls = app.service(StaticUrls.class);
        String css = urls.url("css/site.css");
        assertThat(css).matches("/static/css/site\\.[0-9a-f]{8}\\.css");
        assertThat(urls.url("/js/app.min.js")).matches("/static/js/app\\.min\\.[0-9a-f]{8}\\.js");
        assertThat(urls.url("docs/a b €.txt")).matches("/static/docs/a%20b%20%E2%82%AC\\.[0-9a-f]{8}\\.txt");

        var res = http.get(css);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("body { margin: 0; }\n");
        assertThat(res.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(res.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(http.get(urls.url("docs/a b €.txt")).body()).isEqualTo("spaces and euro");

        assertThat(http.get("/static/css/site.css").headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(http.get("/static/css/site.00000000.css").statusCode()).isEqualTo(404);
    }

    @Test
    void aChangedFileGetsANewFingerprintAndTheOldOneIsGone() throws Exception {
        StaticUrls urls = app.service(StaticUrls.class);
        String before = urls.url("css/site.css");
        Files.writeString(root.resolve("css/site.css"), "body { margin: 1px; }\n");
        Files.setLastModifiedTime(root.resolve("css/site.css"), FileTime.from(Instant.now().plusSeconds(10)));
        String after = urls.url("css/site.css");
        assertThat(after).isNotEqualTo(before);
        assertThat(http.get(after).body()).isEqualTo("body { margin: 1px; }\n");
        assertThat(http.get(before).statusCode()).isEqualTo(404);
    }

    @Test
    void urlsComeFromTheFirstMountThatHasTheFile() {
        StaticUrls urls = app.service(StaticUrls.class);
        assertThat(urls.url("hello.txt")).startsWith("/static/hello.");
        assertThat(urls.url("other.txt")).startsWith("/other/other.");
        assertThat(urls.url("css/app.css")).startsWith("/cp/css/app.");
        assertThat(urls.find("missing.css")).isEmpty();
        assertThat(urls.find("../secret.txt")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> urls.url("missing.css"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("static.E002").hasMessageContaining("missing.css");
    }

    @Test
    void severalMountsServeSideBySide() throws Exception {
        assertThat(http.get("/other/other.txt").body()).isEqualTo("from the second folder");
        assertThat(http.get("/static/hello.txt").body()).isEqualTo(HELLO);
        assertThat(http.get("/cp/css/app.css").body()).isEqualTo("body { color: teal; }\n");
    }

    // ------------------------------------------------------------------ what is never served

    @Test
    void directoriesHiddenFilesAndMissingFilesAre404() throws Exception {
        for (String path : List.of("/static/css", "/static/css/", "/static/", "/static", "/static/.env", "/static/missing.txt",
                "/static/hello.txt/x", "/cp/css", "/cp/css/", "/cp/sub")) {
            var res = RawHttp.get(app.port(), path);
            assertThat(res.status()).as(path).isEqualTo(404);
            assertThat(res.text()).as(path).doesNotContain("site.css", "SECRET_KEY");
        }
    }

    @Test
    void symbolicLinksInsideTheRootWorkAndOutsideAreRefused() throws Exception {
        assertThat(http.get("/static/inside-link.txt").body()).isEqualTo(HELLO);
        for (String path : List.of("/static/escape.txt", "/static/escape-dir/secret.txt", "/static/relative-escape.txt")) {
            var res = RawHttp.get(app.port(), path);
            assertThat(res.status()).as(path).isEqualTo(404);
            assertThat(res.text()).as(path).doesNotContain("TOP-SECRET");
        }
    }

    @Test
    void traversalAttemptsAreRefused() throws Exception {
        List<String> corpus = List.of(
                "/static/../secret.txt", "/static/./hello.txt", "/static/css/../../secret.txt", "/static/%2e%2e/secret.txt",
                "/static/%2E%2e/secret.txt", "/static/.%2E/secret.txt", "/static/%2e%2e%2fsecret.txt", "/static/..%2Fsecret.txt",
                "/static/..%5csecret.txt", "/static/..%5Csecret.txt", "/static/..\\secret.txt", "/static/css\\..\\..\\secret.txt",
                "/static/%c0%ae%c0%ae/secret.txt", "/static/%C0%AE%C0%AE%C0%AFsecret.txt", "/static/%e0%80%ae%e0%80%ae/secret.txt",
                "/static/%252e%252e/secret.txt", "/static/%252e%252e%252fsecret.txt", "/static/hello.txt%00.css", "/static/hello.txt%00",
                "/static//etc/passwd", "/static/%2fetc/passwd", "/static/C:/Windows/win.ini", "/static/C:%5cWindows%5cwin.ini",
                "/static/..;/secret.txt", "/static/%2e%2e;/secret.txt", "/static/hello.txt::$DATA", "/static/%0d%0aX-Injected:%20yes",
                "/cp/../rowan-secret-test/secret.txt", "/cp/%2e%2e/rowan-secret-test/secret.txt", "/cp/Evil.class", "/cp/evil.CLASS",
                "/cp/%2e%2e/dev/rowan/core/App.class", "/cp/..%2f..%2fdev/rowan/core/App.class", "/static/\u00e9".replace("\u00e9", "%e9"));
        for (String target : corpus) {
            var res = RawHttp.get(app.port(), target);
            assertThat(res.status()).as(target).isIn(400, 404);
            assertThat(res.text()).as(target).doesNotContain("TOP-SECRET", "SECRET_KEY", "not really bytecode");
            assertThat(res.headers()).as(target).doesNotContainKey("x-injected");
        }
        // Raw non-ASCII bytes in the request line.
        var raw = RawHttp.send(app.port(), "GET /static/\u00ae\u00ae/secret.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(raw.status()).isIn(400, 404);
        // The classpath mount does serve its own files.
        assertThat(RawHttp.get(app.port(), "/cp/sub/inner.txt").text()).isEqualTo("inside\n");
    }

    @Test
    void aMissingFolderIsReportedAsAStartupCheck() {
        App other = App.create(Config.of(Map.of())).install(StaticFiles.folder(tmp.resolve("nope")).at("/assets"));
        assertThat(other.runChecks()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("static.E001");
            assertThat(r.message()).contains("nope");
        });
    }

    @Test
    void theClasspathRootCannotBeServed() {
        for (String prefix : List.of("", "/", "../x")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StaticFiles.classpath(prefix))
                    .as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void servesFromAJarWithoutDirectoriesOrClassFiles() throws Exception {
        Path jar = tmp.resolve("assets.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "web/", null);
            entry(out, "web/app.js", "let jar = true;\n");
            entry(out, "web/lib/", null);
            entry(out, "web/lib/x.txt", "nested");
            entry(out, "web/Thing.class", "bytecode");
            entry(out, "private/key.txt", "TOP-SECRET-JAR");
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (var loader = new URLClassLoader(new java.net.URL[]{jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            StaticFiles module = StaticFiles.classpath("web").at("/jar");
            Thread.currentThread().setContextClassLoader(previous);
            App jarApp = App.create(Config.of(Map.of())).install(module).start(0);
            try {
                var js = RawHttp.get(jarApp.port(), "/jar/app.js");
                assertThat(js.status()).isEqualTo(200);
                assertThat(js.text()).isEqualTo("let jar = true;\n");
                assertThat(js.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
                assertThat(js.header("ETag")).isNotEmpty();
                assertThat(RawHttp.get(jarApp.port(), "/jar/lib/x.txt").text()).isEqualTo("nested");
                var range = RawHttp.send(jarApp.port(), "GET /jar/lib/x.txt HTTP/1.1\r\nHost: l\r\nRange: bytes=2-3\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(range.status()).isEqualTo(206);
                assertThat(range.text()).isEqualTo("st");
                for (String path : List.of("/jar/lib", "/jar/lib/", "/jar/Thing.class", "/jar/../private/key.txt", "/jar/%2e%2e/private/key.txt")) {
                    var res = RawHttp.get(jarApp.port(), path);
                    assertThat(res.status()).as(path).isIn(400, 404);
                    assertThat(res.text()).as(path).doesNotContain("TOP-SECRET", "bytecode");
                }
            } finally {
                jarApp.stop();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (content != null) {
            OutputStream o = out;
            o.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
