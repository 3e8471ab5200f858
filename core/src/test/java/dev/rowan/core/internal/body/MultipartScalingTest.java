package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;
import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Algorithmic abuse of the multipart parser: hostile bodies of 512 KB and 1 MB, above all near-miss
 * boundaries for the delimiter search. Work is the bytes read from the body plus the bytes the
 * delimiter search looked at ({@link MultipartStream#examined()}), and the bytes allocated; both may
 * at most about double when the body doubles (see {@link Scaling}).
 */
class MultipartScalingTest {
    private static final String BOUNDARY = "----RowanBoundary7MA4YWxkTrZu0gW";
    /** The longest boundary RFC 2046 allows: the naive search's worst case. */
    private static final String LONGEST = "b".repeat(70);
    private static final String TYPE = "multipart/form-data; boundary=";

    @TempDir
    Path tmp;

    @Test
    void hostileMultipartBodiesScaleLinearly() {
        var tally = SuiteTally.of("algorithmic abuse, multipart parser");
        String almost = "\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1);
        field(tally, "one huge field", n -> "x".repeat(n));
        file(tally, "one huge file", n -> "x".repeat(n));
        field(tally, "\\r\\n--bounda repeated (near-miss boundaries)", n -> repeat("\r\n--bounda", n));
        field(tally, "\\r\\n--<boundary less its last char>X repeated", n -> repeat(almost + "X", n));
        file(tally, "near-miss boundaries in a file", n -> repeat(almost + "X", n));
        fieldWith(tally, "70-char boundary, 69-char near misses", LONGEST, n -> repeat("\r\n--" + LONGEST.substring(1) + "X", n));
        field(tally, "\\r\\n\\r\\n... (line ends)", n -> repeat("\r\n", n));
        field(tally, "\\r\\r\\r... (carriage returns)", n -> "\r".repeat(n));
        field(tally, "---- (dashes)", n -> "-".repeat(n));
        field(tally, "\\r\\n-- repeated", n -> repeat("\r\n--", n));
        sliced(tally, "one huge field, 1-byte reads", 1, n -> body(BOUNDARY, fieldPart("x".repeat(n))));
        sliced(tally, "near-miss boundaries, 7-byte reads", 7, n -> body(BOUNDARY, fieldPart(repeat(almost + "X", n))));
        whole(tally, "huge preamble of near misses", n -> repeat(almost + "X", n) + "\r\n" + body(BOUNDARY, fieldPart("v")));
        whole(tally, "huge epilogue", n -> body(BOUNDARY, fieldPart("v")) + "\r\n" + "e".repeat(n));
        whole(tally, "transport padding after a boundary", n -> "--" + BOUNDARY + " ".repeat(n) + "\r\n"
                + "Content-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--" + BOUNDARY + "--");
        unlimited(tally, "many tiny fields (no field limit)", n -> manyParts(n, false));
        whole(tally, "many tiny fields (past the 1,000-field limit: 400)", n -> manyParts(n, false));
        unlimited(tally, "many empty files (no file limit)", n -> manyParts(n, true));
        unlimited(tally, "one part with many header lines (no header limit)", n -> headerPart("X-A: 1\r\n", n));
        unlimited(tally, "one part with many folded header lines (no header limit)", n -> headerPart(" x\r\n", n));
        unlimited(tally, "Content-Disposition with many bare parameters (no header limit)", n -> dispositionPart("; x", n));
        unlimited(tally, "Content-Disposition with many parameters (no header limit)", n -> dispositionPart("; x=1", n));
        unlimited(tally, "one huge quoted name (no header limit)", n -> "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + "\\\"".repeat(n / 2) + "\"\r\n\r\nv\r\n--" + BOUNDARY + "--");
        unlimited(tally, "a huge filename* of escapes (no header limit)", n -> filenamePart("filename*=UTF-8''" + "%41".repeat(n / 3)));
        unlimited(tally, "a huge filename of ../ and \\ (no header limit)", n -> filenamePart("filename=\"" + "..\\\\/".repeat(n / 5) + "x\""));
        params(tally, "header parameters: many bare words", n -> "multipart/form-data" + repeat("; x", n) + "; boundary=b");
        params(tally, "header parameters: many parameters", n -> "multipart/form-data" + repeat("; x=1", n));
        params(tally, "header parameters: ;;;; (repeated delimiters)", n -> "form-data" + ";".repeat(n));
        params(tally, "header parameters: ==== in one parameter", n -> "form-data; a" + "=".repeat(n));
        params(tally, "header parameters: one huge quoted value of escapes", n -> "form-data; name=\"" + "\\;".repeat(n / 2) + "\"");
        params(tally, "header parameters: unclosed quoted value", n -> "form-data; name=\"" + "x".repeat(n));
        tally.assertAllPassed();
    }

    /** The header-parameter parser (Content-Type, Content-Disposition) on its own, counting its reads. */
    private static void params(SuiteTally tally, String name, IntFunction<String> header) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> Scaling.Chars.of(header.apply(n)), chars -> {
            long before = chars.reads();    // an input is parsed more than once: warm-up runs come first
            HeaderParams.parse(chars);
            return chars.reads() - before;
        }));
    }

    /** {@code unit} repeated to about {@code n} bytes. */
    private static String repeat(String unit, int n) {
        return unit.repeat(Math.max(1, n / unit.length()));
    }

    private static String fieldPart(String value) {
        return "Content-Disposition: form-data; name=\"a\"\r\n\r\n" + value;
    }

    private static String filePart(String content) {
        return "Content-Disposition: form-data; name=\"f\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content;
    }

    private static String body(String boundary, String part) {
        return "--" + boundary + "\r\n" + part + "\r\n--" + boundary + "--\r\n";
    }

    private static String manyParts(int n, boolean files) {
        String part = "--" + BOUNDARY + "\r\n" + (files ? "Content-Disposition: form-data; name=\"f\"; filename=\"\"\r\n\r\n"
                : "Content-Disposition: form-data; name=\"a\"\r\n\r\nv") + "\r\n";
        return repeat(part, n) + "--" + BOUNDARY + "--";
    }

    private static String headerPart(String line, int n) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n" + repeat(line, n) + "\r\nv\r\n--" + BOUNDARY + "--";
    }

    private static String filenamePart(String filenameParameter) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; " + filenameParameter + "\r\n\r\ndata\r\n--" + BOUNDARY + "--";
    }

    private static String dispositionPart(String parameter, int n) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data" + repeat(parameter, n) + "; name=\"a\"\r\n\r\nv\r\n--" + BOUNDARY + "--";
    }

    private void field(SuiteTally tally, String name, IntFunction<String> value) {
        fieldWith(tally, name, BOUNDARY, value);
    }

    private void fieldWith(SuiteTally tally, String name, String boundary, IntFunction<String> value) {
        measure(tally, name, boundary, n -> body(boundary, fieldPart(value.apply(n))), Integer.MAX_VALUE, defaults());
    }

    private void file(SuiteTally tally, String name, IntFunction<String> content) {
        measure(tally, name, BOUNDARY, n -> body(BOUNDARY, filePart(content.apply(n))), Integer.MAX_VALUE, defaults());
    }

    private void whole(SuiteTally tally, String name, IntFunction<String> body) {
        measure(tally, name, BOUNDARY, body, Integer.MAX_VALUE, defaults());
    }

    private void sliced(SuiteTally tally, String name, int slice, IntFunction<String> body) {
        measure(tally, name, BOUNDARY, body, slice, defaults());
    }

    private void unlimited(SuiteTally tally, String name, IntFunction<String> body) {
        measure(tally, name, BOUNDARY, body, Integer.MAX_VALUE, new FormLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, tmp));
    }

    /** The server's defaults, but room for a 2 MB field (the default memory limit is 2.5 MB). */
    private FormLimits defaults() {
        return new FormLimits(4L * 1024 * 1024, 1000, 100, 8 * 1024, tmp);
    }

    private void measure(SuiteTally tally, String name, String boundary, IntFunction<String> body, int slice, FormLimits limits) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> body.apply(n).getBytes(StandardCharsets.ISO_8859_1),
                bytes -> parseOrRefuse(bytes, boundary, slice, limits)));
    }

    /** Parses the body; refusing it with a 400 is a fine way to finish. Returns the reads and the search's work. */
    private static long parseOrRefuse(byte[] bytes, String boundary, int slice, FormLimits limits) throws Exception {
        var in = Scaling.Bytes.sliced(bytes, slice);
        var stream = new MultipartStream(in, MultipartParser.boundary(TYPE + boundary));
        try (FormData form = MultipartParser.parse(stream, limits)) {
            form.fields();
        } catch (HttpException e) {
            if (e.status() != 400) {
                throw e;
            }
        } finally {
            in.addReads(stream.examined());
        }
        return in.reads();
    }
}
