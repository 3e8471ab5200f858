package dev.rowan.core.internal.body;

import dev.rowan.core.UploadedFile;

import java.util.List;
import java.util.Map;

/** A parsed form body: text fields and uploaded files. Closing it deletes the upload temp files. */
public final class FormData implements AutoCloseable {
    public static final FormData EMPTY = new FormData(Map.of(), Map.of(), List.of());

    private final Map<String, List<String>> fields;
    private final Map<String, List<UploadedFile>> files;
    private final List<Runnable> cleanup;

    public FormData(Map<String, List<String>> fields, Map<String, List<UploadedFile>> files, List<Runnable> cleanup) {
        this.fields = fields;
        this.files = files;
        this.cleanup = cleanup;
    }

    public Map<String, List<String>> fields() {
        return fields;
    }

    public Map<String, List<UploadedFile>> files() {
        return files;
    }

    @Override
    public void close() {
        cleanup.forEach(Runnable::run);
    }
}
