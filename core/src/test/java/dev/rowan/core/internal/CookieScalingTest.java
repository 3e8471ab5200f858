package dev.rowan.core.internal;

import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Algorithmic abuse of the {@code Cookie} header parser: hostile headers of 512 KB and 1 MB (the
 * server stops a header block at 16 KB; the parser itself must not care). The parser takes
 * strings, so its work is counted as the bytes it allocates (see {@link Scaling}).
 */
class CookieScalingTest {
    @Test
    void hostileCookieHeadersScaleLinearly() {
        var tally = SuiteTally.of("algorithmic abuse, cookie parser");
        oneHeader(tally, "a=1; a=1; ... (many tiny cookies, one name)", n -> "a=1; ".repeat(n / 5));
        oneHeader(tally, "c1=1; c2=1; ... (many names)", n -> manyNames(n, i -> "c" + i));
        oneHeader(tally, "many names of one String hash", n -> manyNames(n, CookieScalingTest::collidingName));
        oneHeader(tally, "one huge value", n -> "a=" + "v".repeat(n - 2));
        oneHeader(tally, "one huge name", n -> "n".repeat(n - 2) + "=1");
        oneHeader(tally, ";;;; (repeated delimiters)", n -> ";".repeat(n));
        oneHeader(tally, "a;a;a... (no '=')", n -> "a;".repeat(n / 2));
        oneHeader(tally, "==== in one cookie", n -> "a" + "=".repeat(n - 1));
        oneHeader(tally, "\"\"\"\" (quotes)", n -> "a=" + "\"".repeat(n - 2));
        oneHeader(tally, "a=\"\"; ... (many empty quoted values)", n -> "a=\"\"; ".repeat(n / 6));
        oneHeader(tally, "spaces around one cookie", n -> " ".repeat(n / 2 - 2) + "a=1" + " ".repeat(n / 2 - 1));
        tally.check("many Cookie headers of one cookie each", () -> Scaling.assertLinear("many Cookie headers",
                n -> manyHeaders(n / 8), CookieScalingTest::parse));
        tally.assertAllPassed();
    }

    private static void oneHeader(SuiteTally tally, String name, IntFunction<String> header) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> List.of(header.apply(n)), CookieScalingTest::parse));
    }

    private static long parse(List<String> headers) {
        CookieParser.parse(headers);
        return -1;
    }

    private static String manyNames(int n, IntFunction<String> name) {
        var sb = new StringBuilder(n + 64);
        for (int i = 0; sb.length() < n - 64; i++) {
            sb.append(name.apply(i)).append("=1; ");
        }
        return sb.toString();
    }

    /** Names built of "Aa" and "BB", which have the same {@code String.hashCode()}: all of them collide in a HashMap. */
    private static String collidingName(int i) {
        var sb = new StringBuilder(36);
        for (int bit = 0; bit < 18; bit++) {
            sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
        }
        return sb.toString();
    }

    private static List<String> manyHeaders(int count) {
        var headers = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            headers.add("a=12345");
        }
        return headers;
    }
}
