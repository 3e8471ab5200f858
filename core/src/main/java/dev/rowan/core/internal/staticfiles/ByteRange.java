package dev.rowan.core.internal.staticfiles;

import java.util.Optional;

/**
 * One byte range from a {@code Range} header. Empty means "send the whole file": no header, a
 * unit other than bytes, a syntax error (RFC 9110 says to ignore it) or several ranges.
 */
record ByteRange(long start, long length) {
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    boolean unsatisfiable() {
        return start < 0;
    }

    static Optional<ByteRange> parse(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String h = header.get().strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return Optional.empty();
        }
        String spec = h.substring(6).strip();
        if (spec.indexOf(',') >= 0) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = spec.substring(0, dash).strip(), last = spec.substring(dash + 1).strip();
        if (!digits(first) && !first.isEmpty() || !digits(last) && !last.isEmpty() || first.isEmpty() && last.isEmpty()) {
            return Optional.empty();
        }
        if (first.isEmpty()) {
            // A suffix range: the last N bytes.
            long n = parse(last);
            if (n == 0 || size == 0) {
                return Optional.of(UNSATISFIABLE);
            }
            long len = Math.min(n, size);
            return Optional.of(new ByteRange(size - len, len));
        }
        long start = parse(first);
        long end = last.isEmpty() ? size - 1 : Math.min(parse(last), size - 1);
        if (!last.isEmpty() && parse(last) < start) {
            return Optional.empty();
        }
        if (start >= size) {
            return Optional.of(UNSATISFIABLE);
        }
        return Optional.of(new ByteRange(start, end - start + 1));
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long parse(String s) {
        return Long.parseLong(s);
    }
}
