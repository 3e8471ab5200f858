package dev.rowan.core.internal.staticfiles;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fingerprinted names put the first 8 hex digits of the content hash before the extension:
 * {@code css/site.css} becomes {@code css/site.1a2b3c4d.css}, so a changed file gets a new URL and
 * the old one can be cached forever.
 */
final class Fingerprints {
    static final int LENGTH = 8;
    private static final Pattern NAME = Pattern.compile("(.+)\\.([0-9a-f]{8})((?:\\.[^.]+)?)");

    private Fingerprints() {
    }

    static String insert(String rel, String hash) {
        String h = hash.substring(0, LENGTH);
        int slash = rel.lastIndexOf('/');
        int dot = rel.lastIndexOf('.');
        if (dot > slash + 1) {
            return rel.substring(0, dot) + "." + h + rel.substring(dot);
        }
        return rel + "." + h;
    }

    /** The plain path and the fingerprint of a fingerprinted path. */
    record Parsed(String plain, String fingerprint) {}

    static Optional<Parsed> parse(String rel) {
        int slash = rel.lastIndexOf('/');
        Matcher m = NAME.matcher(rel.substring(slash + 1));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(rel.substring(0, slash + 1) + m.group(1) + m.group(3), m.group(2)));
    }
}
