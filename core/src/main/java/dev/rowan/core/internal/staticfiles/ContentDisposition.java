package dev.rowan.core.internal.staticfiles;

import java.nio.charset.StandardCharsets;

/**
 * A {@code Content-Disposition: attachment} header (RFC 6266): a plain-ASCII {@code filename} for
 * old clients and the exact name as UTF-8 in {@code filename*}. Path elements, quotes, control
 * characters and CR/LF can never reach the header.
 */
public final class ContentDisposition {
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    public static String attachment(String name) {
        String safe = lastElement(name);
        if (safe.isEmpty()) {
            safe = "download";
        }
        return "attachment; filename=\"" + asciiFallback(safe) + "\"; filename*=UTF-8''" + encode(safe);
    }

    static String lastElement(String name) {
        var sb = new StringBuilder(name.length());
        name.codePoints().filter(c -> c >= 0x20 && c != 0x7f).forEach(sb::appendCodePoint);
        String s = sb.toString().replace('\\', '/');
        String last = s.substring(s.lastIndexOf('/') + 1).strip();
        return last.equals(".") || last.equals("..") ? "" : last;
    }

    private static String asciiFallback(String name) {
        var sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return sb.toString();
    }

    private static String encode(String name) {
        var sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATTR_CHARS.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
