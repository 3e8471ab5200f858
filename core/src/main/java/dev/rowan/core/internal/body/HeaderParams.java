package dev.rowan.core.internal.body;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of a header such as {@code Content-Type} or {@code Content-Disposition}
 * ({@code value; name="x"; filename*=UTF-8''%E2%82%AC.txt}). Names are lower-cased; values are
 * tokens or quoted strings with backslash escapes. A malformed header yields empty.
 */
public final class HeaderParams {
    private HeaderParams() {
    }

    /**
     * The parameters after the first {@code ;}; the first one wins when a name repeats. Reads
     * {@code header} only through {@code charAt} and {@code subSequence}, so a test can count its reads.
     */
    public static Optional<Map<String, String>> parse(CharSequence header) {
        var out = new LinkedHashMap<String, String>();
        int n = header.length();
        int i = indexOf(header, ';', 0, n);
        if (i < 0) {
            return Optional.of(out);
        }
        while (i < n) {
            i = skipSpace(header, i + 1);
            if (i >= n) {
                break;
            }
            int semi = indexOf(header, ';', i, n);
            // '=' is looked for only up to the next ';': searching the rest of the header for it
            // at every bare word ("form-data; x; x; x...") would read the header once per word.
            int eq = indexOf(header, '=', i, semi < 0 ? n : semi);
            if (eq < 0) {
                // A bare word ("form-data; foo;"): tolerated and skipped, as browsers never send one.
                i = semi < 0 ? n : semi;
                continue;
            }
            String name = header.subSequence(i, eq).toString().strip().toLowerCase(Locale.ROOT);
            i = skipSpace(header, eq + 1);
            var value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(header.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    return Optional.empty();
                }
                i = skipSpace(header, i);
                if (i < n && header.charAt(i) != ';') {
                    return Optional.empty();
                }
            } else {
                int end = semi < 0 ? n : semi;
                value.append(header.subSequence(i, end).toString().strip());
                i = end;
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            out.putIfAbsent(name, value.toString());
        }
        return Optional.of(out);
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes an RFC 8187 extended value ({@code UTF-8'lang'%E2%82%AC}); empty when malformed or another charset. */
    public static Optional<String> decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        String charsetName = value.substring(0, first).toUpperCase(Locale.ROOT);
        Charset charset = switch (charsetName) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
            default -> null;
        };
        if (charset == null) {
            return Optional.empty();
        }
        String encoded = value.substring(second + 1);
        byte[] bytes = new byte[encoded.length()];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16), lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes[n++] = (byte) c;
            } else {
                return Optional.empty();
            }
        }
        var decoder = charset.newDecoder();
        try {
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(bytes, 0, n)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int skipSpace(CharSequence s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
