package dev.rowan.core.internal.session;

import dev.rowan.core.Signer;
import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Algorithmic abuse of signed cookies and cookie sessions: forged values of 512 KB and 1 MB go
 * through signature checking (what any client reaches), and signed session data of that size
 * through decoding (what a client reaches only with the app's key). Counted as allocated bytes
 * (see {@link Scaling}).
 */
class SignedCookieScalingTest {
    private static final Signer SIGNER = Signer.create("session", "a-secret-key-for-the-test", List.of("an-old-key"));
    private static final CookieSessionStore SESSIONS = new CookieSessionStore(SIGNER, Duration.ofDays(1));

    @Test
    void hostileSignedCookiesAndSessionsScaleLinearly() {
        var tally = SuiteTally.of("algorithmic abuse, signed cookies and sessions");
        forged(tally, "a.a.a... (many separators)", n -> "a.".repeat(n / 2));
        forged(tally, "one huge value, wrong signature", n -> "v".repeat(n - 44) + "." + "s".repeat(43));
        forged(tally, "one huge signature", n -> "v." + "s".repeat(n - 2));
        forged(tally, "...... (separators only)", n -> ".".repeat(n));
        forged(tally, "no separator", n -> "x".repeat(n));
        tally.check("valid signature, 1 MB value", () -> Scaling.assertLinear("valid signature, 1 MB value",
                n -> SIGNER.signWithTimestamp("v".repeat(n)), signed -> {
                    assertThat(SIGNER.unsign(signed, Duration.ofDays(1))).isPresent();
                    return -1;
                }));
        session(tally, "session of 9,000 keys (the limit is 10,000)", SignedCookieScalingTest::manyKeys);
        session(tally, "session of one huge value", n -> "k=" + "v".repeat(n - 2));
        session(tally, "session of one value full of escapes", n -> "k=" + "%26".repeat(n / 3));
        tally.check("session cookie that is not base64", () -> Scaling.assertLinear("session cookie that is not base64",
                n -> SIGNER.signWithTimestamp("*".repeat(n)), signed -> {
                    assertThat(SESSIONS.load(signed)).isEmpty();
                    return -1;
                }));
        tally.assertAllPassed();
    }

    /** A forged value is refused, whatever its shape. */
    private static void forged(SuiteTally tally, String name, IntFunction<String> value) {
        tally.check(name, () -> Scaling.assertLinear(name, value::apply, forged -> {
            assertThat(SIGNER.unsign(forged, Duration.ofDays(1))).isEmpty();
            assertThat(SESSIONS.load(forged)).isEmpty();
            return -1;
        }));
    }

    /** Session data as the store encodes it, signed with the app's key: the decoding is measured. */
    private static void session(SuiteTally tally, String name, IntFunction<String> formText) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> signed(formText.apply(n)), signed -> {
            assertThat(SESSIONS.load(signed)).isPresent();
            return -1;
        }));
    }

    private static String signed(String formText) {
        return SIGNER.signWithTimestamp(Base64.getUrlEncoder().withoutPadding().encodeToString(formText.getBytes(StandardCharsets.UTF_8)));
    }

    /** Under the decoder's 10,000-key limit, as a session the app wrote itself would be. */
    private static String manyKeys(int n) {
        var data = new LinkedHashMap<String, String>();
        int keys = 9_000;
        String value = "v".repeat(Math.max(1, n / keys - 8));
        for (int i = 0; i < keys; i++) {
            data.put("k" + i, value);
        }
        return formOf(data);
    }

    private static String formOf(LinkedHashMap<String, String> data) {
        var sb = new StringBuilder();
        data.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }
}
