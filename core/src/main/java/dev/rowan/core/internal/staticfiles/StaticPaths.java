package dev.rowan.core.internal.staticfiles;

import java.util.Optional;

/**
 * Checks the part of a static URL after the mount prefix, already percent-decoded once by the
 * router (which refuses encoded '/' and NUL and malformed UTF-8, so overlong forms never get here).
 * Anything that could step out of the root or mean something to a file system is refused:
 * '..' and '.', empty segments (absolute paths, '//'), backslashes, ':' (drive letters, Windows
 * streams), control characters and a second layer of percent-encoding.
 */
public final class StaticPaths {
    private StaticPaths() {
    }

    /** Why {@code rel} is refused, or empty when it is a clean relative path. */
    public static Optional<String> problem(String rel) {
        if (rel.isEmpty()) {
            return Optional.of("the path is empty");
        }
        for (int i = 0; i < rel.length(); i++) {
            char c = rel.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("it contains a control character");
            }
            if (c == '\\' || c == ':' || c == '%') {
                return Optional.of("it contains '" + c + "'");
            }
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("it has an empty segment (a leading, doubled or trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("it contains a '" + segment + "' segment");
            }
        }
        return Optional.empty();
    }

    /** Hidden files ({@code .env}, {@code .git/}) are never served, even when they sit in the root. */
    static boolean hidden(String rel) {
        return rel.startsWith(".") || rel.contains("/.");
    }
}
