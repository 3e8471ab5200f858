package dev.rowan.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to upload in a {@link TestRequest#multipart multipart} request: its name as the browser
 * would send it, its content type and its bytes.
 *
 * <pre>{@code
 * client.request("POST", "/upload")
 *         .multipart(Map.of("title", "Prices", "csv", TestFile.of("prices.csv", "text/csv", "a,b\n1,2\n")))
 *         .send();
 * }</pre>
 */
public final class TestFile {
    private final String filename;
    private final String contentType;
    private final byte[] content;

    private TestFile(String filename, String contentType, byte[] content) {
        this.filename = Objects.requireNonNull(filename, "filename");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.content = content.clone();
    }

    public static TestFile of(String filename, String contentType, byte[] content) {
        return new TestFile(filename, contentType, content);
    }

    /** Text content, sent as UTF-8. */
    public static TestFile of(String filename, String contentType, String content) {
        return new TestFile(filename, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file from disk, sent under its own name; the content type is guessed from the name. */
    public static TestFile of(Path path) {
        try {
            String type = Files.probeContentType(path);
            return new TestFile(path.getFileName().toString(), type == null ? "application/octet-stream" : type, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " for upload", e);
        }
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }

    byte[] contentUncopied() {
        return content;
    }
}
