package dev.rowan.core.internal.body;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.HttpException;
import dev.rowan.core.UploadedFile;
import dev.rowan.core.security.FuzzInput;
import dev.rowan.core.security.FuzzSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The multipart/form-data parser: the first line of an input is the Content-Type header, the rest
 * the body, read in slices of a size the input also chooses. The only rejection is a 4xx
 * {@link HttpException}; every uploaded file can be read to its declared size; and once the form
 * is closed (or the parse failed) no temporary file is left. Seeds:
 * {@code MultipartFuzzTestInputs/parse/}.
 */
class MultipartFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("multipart parser");
    private static Path tmp;
    private static FormLimits limits;

    @BeforeAll
    static void tempDir() throws IOException {
        tmp = Files.createTempDirectory("rowan-fuzz-multipart");
        limits = new FormLimits(2048, 20, 4, 512, tmp);
    }

    @AfterAll
    static void removeTempDir() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void parse(byte[] input) throws Exception {
        SUMMARY.input();
        String[] f = FuzzInput.fields(input, 2);
        String contentType = FuzzInput.headerValue(f[0]);
        byte[] body = f[1].getBytes(StandardCharsets.ISO_8859_1);
        int slice = body.length == 0 ? 1 : 1 + (body[0] & 0xff) % 64;
        try (FormData form = MultipartParser.parse(contentType, new Sliced(body, slice), limits)) {
            for (List<UploadedFile> files : form.files().values()) {
                for (UploadedFile file : files) {
                    readWhole(file);
                }
            }
        } catch (HttpException e) {
            if (e.status() < 400 || e.status() > 499) {
                throw new AssertionError("Rejected with " + e.status() + ", not a 4xx", e);
            }
        }
        try (Stream<Path> left = Files.list(tmp)) {
            List<Path> files = left.toList();
            if (!files.isEmpty()) {
                throw new AssertionError("Temporary files left after the form was closed: " + files);
            }
        }
    }

    private static void readWhole(UploadedFile file) throws IOException {
        try (InputStream in = file.open()) {
            long read = in.readAllBytes().length;
            if (read != file.size()) {
                throw new AssertionError("File " + file.filename() + " says " + file.size() + " bytes, has " + read);
            }
        }
    }

    /** Hands out at most {@code slice} bytes per read, so delimiters straddle read boundaries. */
    private static final class Sliced extends ByteArrayInputStream {
        private final int slice;

        Sliced(byte[] bytes, int slice) {
            super(bytes);
            this.slice = slice;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, slice));
        }
    }
}
