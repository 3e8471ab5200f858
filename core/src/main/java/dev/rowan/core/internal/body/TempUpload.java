package dev.rowan.core.internal.body;

import dev.rowan.core.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** An upload streamed to a temporary file that lives until the request ends (or it is moved). */
final class TempUpload implements UploadedFile {
    private final String fieldName;
    private final String filename;
    private final String contentType;
    private final Path temp;
    private final long size;
    private volatile boolean moved;

    TempUpload(String fieldName, String filename, String contentType, Path temp, long size) {
        this.fieldName = fieldName;
        this.filename = filename;
        this.contentType = contentType;
        this.temp = temp;
        this.size = size;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }

    @Override
    public String filename() {
        return filename;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        requireNotMoved();
        return Files.newInputStream(temp);
    }

    @Override
    public synchronized void moveTo(Path target) throws IOException {
        requireNotMoved();
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Files.move copies and deletes when the target is on another file system.
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        moved = true;
    }

    /** Deletes the temporary file unless it was moved away; never throws. */
    void delete() {
        if (!moved) {
            TempFiles.deleteQuietly(temp);
        }
    }

    private void requireNotMoved() {
        if (moved) {
            throw new IllegalStateException("The upload '" + filename + "' was already moved with moveTo(); open the target instead");
        }
    }

    @Override
    public String toString() {
        return "UploadedFile[" + fieldName + ", '" + filename + "', " + contentType + ", " + size + " bytes]";
    }
}
