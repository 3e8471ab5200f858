package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text (query strings and form bodies). It reads
 * a {@link CharSequence} only through {@code charAt} and {@code subSequence}, so a test can count
 * its reads of the input.
 */
public final class UrlEncoded {
    private UrlEncoded() {
    }

    /**
     * Parses {@code text}; more than {@code maxFields} fields is a 400 (a guard against hash-flooding
     * and memory abuse). Malformed escapes are kept literally, as browsers do.
     */
    public static Map<String, List<String>> parse(CharSequence text, int maxFields, String what) {
        if (text.isEmpty()) {
            return Map.of();
        }
        var out = new LinkedHashMap<String, List<String>>();
        int count = 0;
        int start = 0;
        int len = text.length();
        while (start <= len) {
            int amp = indexOf(text, '&', start, len);
            int end = amp < 0 ? len : amp;
            if (end > start) {
                if (++count > maxFields) {
                    throw HttpException.badRequest("The " + what + " has more than " + maxFields + " fields.");
                }
                int eq = indexOf(text, '=', start, end);
                String name, value;
                if (eq < 0 || eq > end) {
                    name = decode(text, start, end);
                    value = "";
                } else {
                    name = decode(text, start, eq);
                    value = decode(text, eq + 1, end);
                }
                out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out;
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static String decode(CharSequence s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.subSequence(from, to).toString();
        }
        var bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < to && hex(s, i + 1) >= 0) {
                bytes.write(hex(s, i + 1));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(CharSequence s, int i) {
        int hi = Character.digit(s.charAt(i), 16), lo = Character.digit(s.charAt(i + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
