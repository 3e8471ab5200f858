package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;
import dev.rowan.core.UploadedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser on its own, fed in awkward slices so delimiters straddle every read boundary. */
class MultipartParserTest {
    @TempDir
    Path tmp;

    private FormLimits limits() {
        return new FormLimits(1024, 10, 5, 1024, tmp);
    }

    private static String body() {
        return "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nalpha\r\n"
                + "--xyz  \t\r\nContent-Disposition: form-data;\r\n name=\"f\"; filename=\"data.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "\r\n--xy not yet\r\n-\r\n--xyz\r\n"
                + "Content-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--xyz--";
    }

    @Test
    void parsesTheSameWhateverTheReadSizes() throws Exception {
        for (int slice : List.of(1, 2, 3, 7, 64, 100_000)) {
            try (FormData form = MultipartParser.parse("multipart/form-data; boundary=xyz", sliced(body(), slice), limits())) {
                assertThat(form.fields()).as("slice " + slice).containsEntry("a", List.of("alpha")).containsEntry("b", List.of(""));
                UploadedFile f = form.files().get("f").getFirst();
                assertThat(f.filename()).isEqualTo("data.txt");
                assertThat(f.contentType()).isEqualTo("text/plain");
                try (InputStream in = f.open()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("\r\n--xy not yet\r\n-");
                }
                assertThat(f.size()).isEqualTo(17);
            }
            assertThat(Files.list(tmp)).as("slice " + slice).isEmpty();
        }
    }

    @Test
    void deletesWrittenFilesWhenTheStreamFailsMidFile() {
        String start = "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"one.txt\"\r\n\r\nfirst\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"two.txt\"\r\n\r\npartial";
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("The client closed the connection before the body was complete");
            }
        });
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data; boundary=xyz", failing, limits()))
                .isInstanceOf(IOException.class);
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void boundaryRules() {
        assertThat(MultipartParser.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
        assertThat(MultipartParser.boundary("multipart/form-data; BOUNDARY=\"a b'c\"")).isEqualTo("a b'c");
        for (String bad : List.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"abc ",
                "multipart/form-data; boundary=\"ends with space \"", "multipart/form-data; boundary=a\u0000b")) {
            assertThatThrownBy(() -> MultipartParser.boundary(bad)).as(bad).isInstanceOf(HttpException.class)
                    .extracting(e -> ((HttpException) e).status()).isEqualTo(400);
        }
    }

    @Test
    void safeFilenames() {
        assertThat(PartHeaders.safeFilename("../../etc/passwd")).isEqualTo("passwd");
        assertThat(PartHeaders.safeFilename("C:\\temp\\a.txt")).isEqualTo("a.txt");
        assertThat(PartHeaders.safeFilename("a\u0000b.txt")).isEqualTo("ab.txt");
        assertThat(PartHeaders.safeFilename("dir/..")).isEmpty();
        assertThat(PartHeaders.safeFilename("/")).isEmpty();
        assertThat(PartHeaders.safeFilename("ok name.pdf")).isEqualTo("ok name.pdf");
    }

    private static InputStream sliced(String text, int slice) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, slice), bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
