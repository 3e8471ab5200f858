package dev.rowan.core.internal.staticfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of file contents, computed once per version of a file (path, size and modification
 * time), so an edited file gets a new ETag and a new fingerprinted URL.
 */
final class ContentHashes {
    private record Entry(String version, String hash) {}

    // Keyed by file, so an edited file replaces its old entry instead of adding one per edit.
    private final ConcurrentHashMap<String, Entry> byFile = new ConcurrentHashMap<>();

    /** The hex SHA-256 of {@code r}. */
    String of(Resource r) {
        String version = r.version();
        Entry e = byFile.get(r.identity());
        if (e == null || !e.version().equals(version)) {
            e = new Entry(version, compute(r));
            byFile.put(r.identity(), e);
        }
        return e.hash();
    }

    private static String compute(Resource r) {
        try (InputStream in = r.open()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
