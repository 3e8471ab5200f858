package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Rowan needs from one part's headers: the field name, the file name when the part is a
 * file, and the declared content type.
 */
record PartHeaders(String name, Optional<String> filename, String contentType) {

    static PartHeaders parse(byte[] block) {
        // Browsers send file names as raw UTF-8 in the header; RFC 7578 allows it.
        String text = new String(block, StandardCharsets.UTF_8);
        String disposition = null;
        String contentType = "";
        for (String line : unfold(text)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw HttpException.badRequest("A multipart part has a malformed header line: '" + shorten(line) + "'.");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-disposition") && disposition == null) {
                disposition = value;
            } else if (name.equals("content-type") && contentType.isEmpty()) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw HttpException.badRequest("A multipart part has no Content-Disposition header; each part needs 'form-data; name=\"...\"'.");
        }
        return fromDisposition(disposition, contentType);
    }

    private static PartHeaders fromDisposition(String disposition, String contentType) {
        if (!FormBody.mediaType(disposition).equals("form-data")) {
            throw HttpException.badRequest("A multipart part's Content-Disposition must be 'form-data', got '" + shorten(disposition) + "'.");
        }
        Map<String, String> params = HeaderParams.parse(disposition).orElseThrow(() ->
                HttpException.badRequest("A multipart part has a malformed Content-Disposition: '" + shorten(disposition) + "'."));
        String name = params.get("name");
        if (name == null) {
            throw HttpException.badRequest("A multipart part has no field name (Content-Disposition: form-data; name=\"...\").");
        }
        Optional<String> filename = Optional.ofNullable(params.get("filename*")).flatMap(HeaderParams::decodeExtended)
                .or(() -> Optional.ofNullable(params.get("filename")))
                .map(PartHeaders::safeFilename);
        return new PartHeaders(name, filename, contentType);
    }

    /**
     * The client's file name reduced to its last path element, so it can never name a place on
     * the server: Windows and POSIX separators, '..', NUL and control characters are removed.
     */
    static String safeFilename(String raw) {
        var sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                sb.append('/');
            } else if (c >= 0x20 && c != 0x7f) {
                sb.append(c);
            }
        }
        String s = sb.toString();
        String last = s.substring(s.lastIndexOf('/') + 1).strip();
        if (last.equals(".") || last.equals("..")) {
            return "";
        }
        return last.length() > 255 ? last.substring(last.length() - 255) : last;
    }

    /**
     * Header lines, with obsolete folded continuation lines joined to the line before. A line is
     * built up in one buffer: joining each continuation to a copy of the line so far would copy it
     * again per continuation, quadratic in a part made of nothing but continuations.
     */
    private static java.util.List<String> unfold(String text) {
        var lines = new java.util.ArrayList<String>();
        StringBuilder line = null;
        for (String raw : text.split("\r?\n")) {
            if (raw.isEmpty()) {
                continue;
            }
            if ((raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && line != null) {
                line.append(' ').append(raw.strip());
            } else {
                if (line != null) {
                    lines.add(line.toString());
                }
                line = new StringBuilder(raw);
            }
        }
        if (line != null) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
