package dev.rowan.mongo.internal;

/** Hides the password of a MongoDB connection string, so URIs can appear in logs and check messages. */
public final class UriMask {
    private UriMask() {
    }

    /** {@code mongodb://ada:secret@db/notes} gives {@code mongodb://ada:****@db/notes}. */
    public static String mask(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int start = scheme + 3;
        int end = authorityEnd(uri, start);
        int at = uri.lastIndexOf('@', end - 1);
        if (at < start) {
            return uri;
        }
        int colon = uri.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return uri;
        }
        return uri.substring(0, colon + 1) + "****" + uri.substring(at);
    }

    // The user info may not contain a raw '/' or '?' (they must be percent-encoded), so the first one ends it.
    private static int authorityEnd(String uri, int start) {
        for (int i = start; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return uri.length();
    }
}
