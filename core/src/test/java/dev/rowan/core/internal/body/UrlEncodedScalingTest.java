package dev.rowan.core.internal.body;

import dev.rowan.core.HttpException;
import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;

import java.util.function.IntFunction;

/**
 * Algorithmic abuse of the query-string and form parser: hostile shapes of 512 KB and 1 MB, whose
 * reads of the input and allocation may at most about double when the input doubles (counted, not
 * timed; see {@link Scaling}).
 */
class UrlEncodedScalingTest {
    private static final int FORM_LIMIT = 1000;

    @Test
    void hostileQueryStringsAndFormsScaleLinearly() {
        var tally = SuiteTally.of("algorithmic abuse, query and form parser");
        // Fields without '=': each one once made the parser look for '=' through the rest of the input.
        caseWithLimit(tally, "a&a&a... (no '=')", n -> "a&".repeat(n / 2));
        caseWithoutLimit(tally, "a&a&a... (no '=', no field limit)", n -> "a&".repeat(n / 2));
        caseWithLimit(tally, "=&=&=...", n -> "=&".repeat(n / 2));
        caseWithLimit(tally, "&&&&...", n -> "&".repeat(n));
        caseWithLimit(tally, "%%%%... (broken escapes)", n -> "a=" + "%".repeat(n - 2));
        caseWithLimit(tally, "%41%41... (escapes)", n -> "a=" + "%41".repeat((n - 2) / 3));
        caseWithLimit(tally, "one huge name", n -> "x".repeat(n - 2) + "=1");
        caseWithLimit(tally, "one huge value", n -> "x=" + "y".repeat(n - 2));
        caseWithLimit(tally, "==== in one field", n -> "a" + "=".repeat(n - 1));
        caseWithoutLimit(tally, "many names of one String hash (no field limit)", UrlEncodedScalingTest::collidingNames);
        caseWithLimit(tally, "1000 fields, then a long tail", n -> "a=1&".repeat(FORM_LIMIT - 1) + "b=" + "z".repeat(n - 4 * FORM_LIMIT));
        tally.assertAllPassed();
    }

    private static void caseWithLimit(SuiteTally tally, String name, IntFunction<String> input) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> Scaling.Chars.of(input.apply(n)), UrlEncodedScalingTest::parseOrRefuse));
    }

    private static void caseWithoutLimit(SuiteTally tally, String name, IntFunction<String> input) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> Scaling.Chars.of(input.apply(n)), chars -> {
            long before = chars.reads();    // an input is parsed more than once: warm-up runs come first
            UrlEncoded.parse(chars, Integer.MAX_VALUE, "form");
            return chars.reads() - before;
        }));
    }

    /** {@code name=1&...} with names built of "Aa" and "BB", which all have the same {@code String.hashCode()}. */
    private static String collidingNames(int n) {
        var sb = new StringBuilder(n + 64);
        for (int i = 0; sb.length() < n - 64; i++) {
            for (int bit = 0; bit < 18; bit++) {
                sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            sb.append("=1&");
        }
        return sb.toString();
    }

    /** Parses with the default field limit; refusing with a 400 is a fine way to finish. */
    private static long parseOrRefuse(Scaling.Chars chars) {
        long before = chars.reads();    // an input is parsed more than once: warm-up runs come first
        try {
            UrlEncoded.parse(chars, FORM_LIMIT, "form");
        } catch (HttpException e) {
            if (e.status() != 400) {
                throw e;
            }
        }
        return chars.reads() - before;
    }
}
