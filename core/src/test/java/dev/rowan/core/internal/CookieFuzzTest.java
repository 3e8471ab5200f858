package dev.rowan.core.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.security.FuzzInput;
import dev.rowan.core.security.FuzzSummary;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Cookie header parser: each line of an input is one Cookie header. It has no rejection at
 * all (a browser's broken cookie is skipped), so any exception is a crash; no name it returns is
 * empty or has a ';' or '=' in it, and no value has a ';'. Seeds: {@code CookieFuzzTestInputs/parse/}.
 */
class CookieFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("cookie parser");

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void parse(byte[] input) {
        SUMMARY.input();
        String text = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> headers = Arrays.stream(text.split("\n", -1)).map(FuzzInput::headerValue).toList();
        Map<String, String> cookies = CookieParser.parse(headers);
        cookies.forEach((name, value) -> {
            if (name.isEmpty() || name.indexOf(';') >= 0 || name.indexOf('=') >= 0 || value.indexOf(';') >= 0) {
                throw new AssertionError("Parsed the cookie [" + name + "]=[" + value + "] from " + headers);
            }
        });
    }
}
