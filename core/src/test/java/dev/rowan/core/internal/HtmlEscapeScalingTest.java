package dev.rowan.core.internal;

import dev.rowan.core.TrustedHtml;
import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;

import java.util.function.IntFunction;

/**
 * Algorithmic abuse of the core's HTML escaping ({@code TrustedHtml.escape}, which forms and the
 * error pages use): values of 512 KB and 1 MB, counted as the bytes allocated (see {@link Scaling}).
 */
class HtmlEscapeScalingTest {
    @Test
    void hostileValuesEscapeLinearly() {
        var tally = SuiteTally.of("algorithmic abuse, core HTML escaping");
        escape(tally, "a value full of <>&\"'", n -> "<>&\"'".repeat(n / 5));
        escape(tally, "a value of '&' only", n -> "&".repeat(n));
        escape(tally, "a plain value", n -> "a".repeat(n));
        escape(tally, "a value of non-ASCII text", n -> "é€😀".repeat(n / 4));
        tally.assertAllPassed();
    }

    private static void escape(SuiteTally tally, String name, IntFunction<String> value) {
        tally.check(name, () -> Scaling.assertLinear(name, value, v -> {
            TrustedHtml.escape(v);
            return -1;
        }));
    }
}
