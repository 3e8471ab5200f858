package dev.rowan.core.internal.body;

import dev.rowan.core.Config;

import java.nio.file.Path;

/**
 * Limits on parsed bodies. Each one exceeded is a clear 413 or 400, never an exhausted heap.
 *
 * @param maxFieldBytes  total bytes of non-file fields kept in memory (413 beyond)
 * @param maxFields      number of fields (400 beyond)
 * @param maxFiles       number of uploaded files (400 beyond)
 * @param maxPartHeaderBytes size of one multipart part's headers (400 beyond)
 * @param tempDir        where uploads are streamed to
 */
public record FormLimits(long maxFieldBytes, int maxFields, int maxFiles, int maxPartHeaderBytes, Path tempDir) {

    public static FormLimits from(Config c) {
        return new FormLimits(
                c.getBytes("server.max-form-memory-size", 2_621_440L),
                c.getInt("server.max-form-fields", 1000),
                c.getInt("server.max-upload-files", 100),
                (int) c.getBytes("server.max-part-header-size", 8 * 1024),
                Path.of(c.get("server.upload-dir", System.getProperty("java.io.tmpdir"))));
    }
}
