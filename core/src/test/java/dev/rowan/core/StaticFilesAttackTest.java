package dev.rowan.core;

import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static-files security suite: a generated traversal corpus against every kind of mount (a
 * folder, a classpath folder, a jar, a folder at the site root) must serve 0 bytes from outside
 * the mount, and hostile {@code Range} headers get 416, one range or the plain file, never more
 * bytes than the file has. Every secret planted outside a mount holds {@link #SECRET}.
 */
class StaticFilesAttackTest {
    private static final String SECRET = "TOP-SECRET";
    private static final int BIG = 64 * 1024;
    private static final byte[] BIG_CONTENT = pattern(BIG);

    @TempDir
    static Path tmp;
    private static App app;
    private static URLClassLoader loader;
    private static Path secretFile;

    @BeforeAll
    static void start() throws IOException {
        secretFile = plant(tmp.resolve("secret.txt"));
        plant(tmp.resolve("outside/secret.txt"));
        Path root = Files.createDirectories(tmp.resolve("public"));
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.writeString(root.resolve("a/b/deep.txt"), "deep");
        Files.write(root.resolve("big.bin"), BIG_CONTENT);
        links(root, tmp);

        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(site.resolve("a/b"));
        Files.writeString(site.resolve("index.txt"), "site");
        links(site, tmp);

        Path classes = Files.createDirectories(tmp.resolve("classes/web"));
        Files.createDirectories(classes.resolve("a/b"));
        Files.writeString(classes.resolve("hello.txt"), "cp");
        plant(tmp.resolve("classes/secret.txt"));            // on the classpath, but outside the prefix
        plant(tmp.resolve("classes/web/Secret.class"));       // class files are never static files
        links(classes, tmp);

        Path jar = tmp.resolve("assets.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "jarweb/a/b/x.txt", "jar");
            entry(out, "secret.txt", SECRET + "-jar");
            entry(out, "jarweb/Secret.class", SECRET + "-class");
        }
        loader = new URLClassLoader(new URL[] {classes.getParent().toUri().toURL(), jar.toUri().toURL()}, null);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        StaticFiles cp, jarMount;
        try {
            Thread.currentThread().setContextClassLoader(loader);
            cp = StaticFiles.classpath("web").at("/cp");
            jarMount = StaticFiles.classpath("jarweb").at("/jar");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        app = App.create(Config.of(Map.of()))
                .install(StaticFiles.folder(root).at("/static"))
                .install(cp)
                .install(jarMount)
                .install(StaticFiles.folder(site).at("/"))
                .start(0);
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        loader.close();
    }

    @Test
    void theTraversalCorpusServesNothingFromOutsideAMount() throws Exception {
        // The mounts work, so a 404 below means "refused", not "broken".
        assertThat(RawHttp.get(app.port(), "/static/a/b/deep.txt").text()).isEqualTo("deep");
        assertThat(RawHttp.get(app.port(), "/cp/hello.txt").text()).isEqualTo("cp");
        assertThat(RawHttp.get(app.port(), "/jar/a/b/x.txt").text()).isEqualTo("jar");
        assertThat(RawHttp.get(app.port(), "/index.txt").text()).isEqualTo("site");

        var tally = SuiteTally.of("static files, traversal");
        for (String mount : List.of("/static", "/cp", "/jar", "")) {
            for (String target : corpus(mount)) {
                tally.check("GET " + target, () -> assertRefused(target));
            }
        }
        tally.assertAllPassed();
        assertThat(tally.run()).isGreaterThan(1000);
    }

    @Test
    void hostileRangesGetOneRangeOrTheFileOnce() throws Exception {
        var tally = SuiteTally.of("static files, hostile ranges");
        for (String range : hostileRanges()) {
            tally.check("Range: " + abbreviate(range), () -> assertBounded(range));
        }
        tally.assertAllPassed();
    }

    // ------------------------------------------------------------------ the corpus

    /** Every way of writing a dot-dot segment that a server, a proxy or a file system has been fooled by. */
    private static final List<String> DOTDOT = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%25%32%65%25%32%65",
            "%c0%ae%c0%ae", "%C0%AE%C0%AE", "%e0%80%ae%e0%80%ae", "%f0%80%80%ae%f0%80%80%ae", "%c0%2e%c0%2e", "%uff0e%uff0e",
            "%ef%bc%8e%ef%bc%8e", "..;", "%2e%2e;", "..;jsessionid=x", "...", "....", ". .", "..%00", "%2e%2e%00", "..%20", "..%09", "..?");

    /** And every way of writing the '/' after it. */
    private static final List<String> SLASH = List.of("/", "%2f", "%2F", "\\", "%5c", "%5C", "%252f", "%255c", "%c0%af", "%e0%80%af",
            "%c1%9c", "%c0%5c", ";/", "//", "/./", "%00/", "\\\\", "%2f%2f");

    private static List<String> corpus(String mount) {
        Set<String> targets = new LinkedHashSet<>();
        for (String dots : DOTDOT) {
            for (String slash : SLASH) {
                String up = dots + slash;
                targets.add(mount + "/" + up + "secret.txt");
                // Up from "a/b/" takes three steps to leave the root.
                targets.add(mount + "/a/b/" + up.repeat(3) + "outside" + slash + "secret.txt");
            }
        }
        String abs = secretFile.toString();
        for (String slash : SLASH) {
            String encoded = abs.replace("/", slash);
            targets.add(mount + "/" + encoded);
            targets.add(mount + encoded);
        }
        targets.addAll(List.of(mount + "/file://" + abs, mount + "/file:" + abs, mount + "/C:/Windows/win.ini", mount + "/C:%5cWindows%5cwin.ini",
                mount + "/\\\\server\\share\\secret.txt", mount + "/%5c%5cserver%5cshare%5csecret.txt", mount + "/secret.txt%00.txt",
                mount + "/hello.txt%00/../../secret.txt", mount + "/hello.txt::$DATA", mount + "/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
                mount + "/Secret.class", mount + "/secret.CLASS", mount + "/%53ecret.class",
                // Symbolic links planted in every folder mount.
                mount + "/escape.txt", mount + "/escape-dir/secret.txt", mount + "/relative-escape.txt", mount + "/chain.txt",
                mount + "/a/up.txt", mount + "/a/parent/secret.txt", mount + "/a/parent/outside/secret.txt", mount + "/root-link" + abs));
        var all = new ArrayList<>(targets);
        // Absolute-form request targets put the traversal behind a scheme and host.
        for (String t : List.copyOf(targets).subList(0, 40)) {
            all.add("http://localhost" + t);
        }
        return all;
    }

    /** Links from inside {@code dir} to the files and folders outside it, directly, relatively and through a chain. */
    private static void links(Path dir, Path outside) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createSymbolicLink(dir.resolve("escape.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve("escape-dir"), outside.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("relative-escape.txt"), dir.relativize(outside.resolve("secret.txt")));
        Files.createSymbolicLink(dir.resolve("hop.txt"), dir.resolve("escape.txt"));
        Files.createSymbolicLink(dir.resolve("chain.txt"), dir.resolve("hop.txt"));
        Files.createSymbolicLink(dir.resolve("a/up.txt"), Path.of("..").resolve(dir.relativize(outside.resolve("secret.txt"))));
        Files.createSymbolicLink(dir.resolve("a/parent"), outside);
        Files.createSymbolicLink(dir.resolve("root-link"), Path.of("/"));
    }

    private static void assertRefused(String target) throws IOException {
        var res = RawHttp.send(app.port(), ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(res.text()).as("body").doesNotContain(SECRET);
        assertThat(res.status()).as("status").isIn(400, 404);
    }

    // ------------------------------------------------------------------ ranges

    private static List<String> hostileRanges() {
        List<String> ranges = new ArrayList<>();
        ranges.add("bytes=" + "0-,".repeat(499) + "0-");
        ranges.add("bytes=" + ("0-" + (BIG - 1) + ",").repeat(400) + "0-1");
        ranges.add("bytes=" + "-1,".repeat(1000) + "-1");
        ranges.add("bytes=" + "0-0,".repeat(2000) + "0-0");
        ranges.add("bytes=" + "-" + BIG + ",".repeat(1) + "0-");
        var overlapping = new StringBuilder("bytes=0-100");
        for (int i = 1; i < 500; i++) {
            overlapping.append(',').append(i * 50).append('-').append(i * 50 + 1000);
        }
        ranges.add(overlapping.toString());
        var descending = new StringBuilder("bytes=" + (BIG - 1) + "-" + (BIG - 1));
        for (int i = BIG - 2; i > BIG - 600; i--) {
            descending.append(',').append(i).append('-').append(i);
        }
        ranges.add(descending.toString());
        String huge = "9".repeat(30);
        ranges.addAll(List.of("bytes=0-" + huge, "bytes=" + huge + "-", "bytes=-" + huge, "bytes=" + huge + "-" + huge,
                "bytes=9223372036854775807-", "bytes=0-9223372036854775807", "bytes=-9223372036854775807", "bytes=9223372036854775808-",
                "bytes=-9223372036854775808", "bytes=-1-5", "bytes=--5", "bytes=5--1", "bytes=-0", "bytes=0x10-", "bytes=1e3-",
                "bytes=+5-", "bytes= 0 - 5 ", "bytes=0-5;", "bytes=\t0-5", "bytes=5-4", "bytes=,", "bytes=,0-1", "bytes=0-1,",
                "bytes=0--", "bytes==0-1", "BYTES=0-1", "bytes=" + BIG + "-", "bytes=" + (BIG - 1) + "-", "bytes=-" + (BIG + 1),
                "bytes=0-" + BIG * 2L, "bytes=\u0660-\u0665", "bytes=\uff10-\uff15", "items=0-1", "bytes", "=0-1", ""));
        return ranges;
    }

    /** 416, 206 with exactly one part, or 200 with the file once; never more than the file's bytes. */
    private static void assertBounded(String range) throws IOException {
        byte[] request = ("GET /static/big.bin HTTP/1.1\r\nHost: localhost\r\nRange: " + range + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var res = RawHttp.send(app.port(), request);
        assertThat(res.header("Content-Type")).as("content type").doesNotContain("multipart");
        assertThat(res.body().length).as("body bytes").isLessThanOrEqualTo(BIG);
        switch (res.status()) {
            case 200 -> assertThat(Arrays.equals(res.body(), BIG_CONTENT)).as("the whole file").isTrue();
            case 206 -> {
                String[] cr = res.header("Content-Range").replace("bytes ", "").split("[-/]");
                int start = Integer.parseInt(cr[0]), end = Integer.parseInt(cr[1]);
                assertThat(Arrays.equals(res.body(), Arrays.copyOfRange(BIG_CONTENT, start, end + 1))).as("the range " + start + "-" + end).isTrue();
            }
            case 416 -> assertThat(res.header("Content-Range")).isEqualTo("bytes */" + BIG);
            default -> assertThat(res.status()).as("status").isIn(200, 206, 416, 400, 431);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Path plant(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, SECRET + " " + file);
    }

    private static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + (i >>> 7));
        }
        return b;
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "... (" + s.length() + " chars)";
    }
}
