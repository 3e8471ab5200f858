package dev.rowan.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file from a multipart upload. It was streamed to a temporary file, which Rowan deletes after
 * the request in every case; {@link #moveTo(Path)} keeps it.
 *
 * <pre>{@code
 * UploadedFile csv = ctx.file("data").orElseThrow(() -> HttpException.badRequest("Choose a file."));
 * try (InputStream in = csv.open()) { ... }
 * }</pre>
 */
public interface UploadedFile {
    /** The form field name. */
    String fieldName();

    /** The client's file name, reduced to its last path element; may be empty. */
    String filename();

    /** The content type the client declared (not trusted: check the bytes). */
    String contentType();

    long size();

    InputStream open() throws IOException;

    /** Moves the upload to {@code target} (replacing it) so it outlives the request. */
    void moveTo(Path target) throws IOException;
}
