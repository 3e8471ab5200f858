package dev.rowan.core.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a fuzzer's raw bytes into fields at line feeds, so a seed file is readable text: one field
 * a line, the last field taking the rest (line feeds included). Missing fields are empty.
 *
 * <pre>{@code
 * String[] f = FuzzInput.fields(input, 3); // "GET\n/a?b\nexample.com" -> GET, /a?b, example.com
 * }</pre>
 */
public final class FuzzInput {
    private FuzzInput() {
    }

    public static String[] fields(byte[] input, int count) {
        String[] out = new String[count];
        Arrays.fill(out, "");
        String text = new String(input, StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int i = 0; i < count; i++) {
            int lf = i == count - 1 ? -1 : text.indexOf('\n', from);
            out[i] = lf < 0 ? text.substring(from) : text.substring(from, lf);
            if (lf < 0) {
                break;
            }
            from = lf + 1;
        }
        return out;
    }

    /** The field's characters (each one byte, ISO-8859-1) read again as UTF-8, as a body or a form would be. */
    public static String utf8(String field) {
        return new String(field.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * What an HTTP engine can hand on as a header value: the HTTP parser refuses control characters
     * other than tab, so the in-memory exchange must not see them either.
     */
    public static String headerValue(String field) {
        var sb = new StringBuilder(field.length());
        field.chars().filter(c -> c == '\t' || c >= 0x20 && c != 0x7f).forEach(c -> sb.append((char) c));
        return sb.toString().strip();
    }

    /** What the engine hands on as a request target: visible ASCII only (anything else is a 400 before Rowan). */
    public static String target(String field) {
        var sb = new StringBuilder(field.length());
        field.chars().filter(c -> c > 0x20 && c < 0x7f).forEach(c -> sb.append((char) c));
        return sb.toString();
    }
}
