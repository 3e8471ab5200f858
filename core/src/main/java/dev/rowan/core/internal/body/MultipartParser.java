package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;
import dev.rowan.core.UploadedFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming {@code multipart/form-data} parser (RFC 7578). Text fields are kept in memory within
 * {@link FormLimits#maxFieldBytes()}; files go straight to temporary files. If anything fails
 * half-way (a limit, a malformed body, a client that disconnects), the files already written are
 * deleted before the error leaves this class; otherwise {@link FormData#close()} deletes them.
 */
final class MultipartParser {
    private MultipartParser() {
    }

    static FormData parse(String contentTypeHeader, InputStream body, FormLimits limits) throws IOException {
        return parse(new MultipartStream(body, boundary(contentTypeHeader)), limits);
    }

    /** Parses from a stream the caller made, so a test can read its {@link MultipartStream#examined()}. */
    static FormData parse(MultipartStream stream, FormLimits limits) throws IOException {
        var parse = new Parse(stream, limits);
        try {
            return parse.run();
        } catch (IOException | RuntimeException | Error e) {
            parse.deleteFiles();
            throw e;
        }
    }

    /** The boundary parameter, checked against RFC 2046 (1-70 characters of a restricted set). */
    static String boundary(String contentTypeHeader) {
        String boundary = HeaderParams.parse(contentTypeHeader).map(p -> p.get("boundary")).orElse(null);
        if (boundary == null || boundary.isEmpty()) {
            throw HttpException.badRequest("The multipart/form-data body has no boundary parameter in its Content-Type header.");
        }
        if (boundary.length() > 70 || boundary.endsWith(" ") || !boundary.chars().allMatch(MultipartParser::isBoundaryChar)) {
            throw HttpException.badRequest("The multipart boundary is invalid: it must be 1-70 letters, digits or '()+_,-./:=? characters.");
        }
        return boundary;
    }

    private static boolean isBoundaryChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "'()+_,-./:=? ".indexOf(c) >= 0;
    }

    /** One parse: the state that must be cleaned up if it fails. */
    private static final class Parse {
        private final MultipartStream stream;
        private final FormLimits limits;
        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private final Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
        private final List<TempUpload> written = new ArrayList<>();
        private Path pending;
        private long fieldBytes;
        private int fieldCount;
        private int fileCount;

        Parse(MultipartStream stream, FormLimits limits) {
            this.stream = stream;
            this.limits = limits;
        }

        FormData run() throws IOException {
            stream.skipPreamble();
            while (stream.nextPartFollows()) {
                PartHeaders part = PartHeaders.parse(stream.readHeaderBlock(limits.maxPartHeaderBytes()));
                if (part.filename().isPresent()) {
                    readFile(part);
                } else {
                    readField(part);
                }
            }
            stream.drainEpilogue();
            List<TempUpload> toDelete = List.copyOf(written);
            return new FormData(fields, files, List.of(() -> toDelete.forEach(TempUpload::delete)));
        }

        private void readField(PartHeaders part) throws IOException {
            if (++fieldCount > limits.maxFields()) {
                throw HttpException.badRequest("The form has more than " + limits.maxFields() + " fields.");
            }
            var value = new LimitedBuffer(limits.maxFieldBytes() - fieldBytes, limits.maxFieldBytes());
            if (!stream.copyUntilDelimiter(value)) {
                throw MultipartStream.truncated("inside the field '" + part.name() + "'");
            }
            fieldBytes += value.size();
            fields.computeIfAbsent(part.name(), k -> new ArrayList<>(1)).add(value.toString(StandardCharsets.UTF_8));
        }

        private void readFile(PartHeaders part) throws IOException {
            if (++fileCount > limits.maxFiles()) {
                throw HttpException.badRequest("The form has more than " + limits.maxFiles() + " files.");
            }
            pending = TempFiles.create(limits.tempDir());
            long size;
            try (OutputStream out = Files.newOutputStream(pending)) {
                var counting = new CountingStream(out);
                if (!stream.copyUntilDelimiter(counting)) {
                    throw MultipartStream.truncated("inside the file '" + part.filename().orElse("") + "'");
                }
                size = counting.count;
            }
            String filename = part.filename().orElse("");
            if (filename.isEmpty() && size == 0) {
                // A file input left empty: browsers send the part anyway, with no name and no content.
                TempFiles.deleteQuietly(pending);
            } else {
                String type = part.contentType().isEmpty() ? "application/octet-stream" : part.contentType();
                var upload = new TempUpload(part.name(), filename, type, pending, size);
                written.add(upload);
                files.computeIfAbsent(part.name(), k -> new ArrayList<>(1)).add(upload);
            }
            pending = null;
        }

        void deleteFiles() {
            if (pending != null) {
                TempFiles.deleteQuietly(pending);
            }
            written.forEach(TempUpload::delete);
        }
    }

    /** Holds a field value in memory, refusing to grow past what is left of the form's memory budget. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final long remaining;
        private final long total;

        LimitedBuffer(long remaining, long total) {
            super(64);
            this.remaining = remaining;
            this.total = total;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + (long) len > remaining) {
                throw HttpException.payloadTooLarge("The form's text fields are larger than the limit of " + total
                        + " bytes (server.max-form-memory-size); send large content as a file.");
            }
            super.write(b, off, len);
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
