package dev.rowan.core.internal.staticfiles;

/** Entity-tag comparison (RFC 9110 §8.8.3.2). */
final class ETags {
    private ETags() {
    }

    /** True when a list such as {@code "a", W/"b"} or {@code *} matches {@code etag}. */
    static boolean anyMatches(String header, String etag, boolean strong) {
        if (header.strip().equals("*")) {
            return true;
        }
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (strong) {
                if (c.equals(etag) && !c.startsWith("W/")) {
                    return true;
                }
            } else if (opaque(c).equals(opaque(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
