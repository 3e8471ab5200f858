package dev.rowan.core.internal.body;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.HttpException;
import dev.rowan.core.security.FuzzInput;
import dev.rowan.core.security.FuzzSummary;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query-string and form parser, on its own (as for {@code ?query}) and behind
 * {@link FormBody} (as for a url-encoded body, with its size limit). The only rejection it may
 * raise is a 4xx {@link HttpException}; it never returns more fields than its limit. Seeds:
 * {@code UrlEncodedFuzzTestInputs/parse/}, the text to parse.
 */
class UrlEncodedFuzzTest {
    private static final int MAX_FIELDS = 20;
    private static final FormLimits LIMITS = new FormLimits(512, MAX_FIELDS, 2, 256, Path.of(System.getProperty("java.io.tmpdir")));

    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("query and form parser");

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void parse(byte[] input) throws Exception {
        SUMMARY.input();
        String text = FuzzInput.utf8(new String(input, java.nio.charset.StandardCharsets.ISO_8859_1));
        check(() -> UrlEncoded.parse(text, MAX_FIELDS, "query"));
        check(() -> {
            try (FormData form = FormBody.parse(Optional.of("application/x-www-form-urlencoded; charset=utf-8"),
                    new ByteArrayInputStream(input), LIMITS)) {
                return form.fields();
            }
        });
    }

    private interface Parse {
        Map<String, List<String>> run() throws Exception;
    }

    private static void check(Parse parse) throws Exception {
        try {
            int fields = parse.run().values().stream().mapToInt(List::size).sum();
            if (fields > MAX_FIELDS) {
                throw new AssertionError(fields + " fields returned; the limit is " + MAX_FIELDS);
            }
        } catch (HttpException e) {
            if (e.status() < 400 || e.status() > 499) {
                throw new AssertionError("Rejected with " + e.status() + ", not a 4xx", e);
            }
        }
    }
}
