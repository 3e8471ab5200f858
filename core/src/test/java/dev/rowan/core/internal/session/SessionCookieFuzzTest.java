package dev.rowan.core.internal.session;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.Signer;
import dev.rowan.core.security.FuzzInput;
import dev.rowan.core.security.FuzzSummary;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signed cookies and the signed-cookie session store, decoding what a client sends back. Lines
 * of an input: a cookie value to unsign, then session key/value pairs. A forged or broken value is
 * refused as "absent" (an empty Optional), never with an exception, and never accepted: the fuzzer
 * does not know the key. A session Rowan signed itself reads back as the same map, whatever the
 * keys and values hold. Seeds: {@code SessionCookieFuzzTestInputs/decode/}.
 */
class SessionCookieFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("signed cookies and sessions");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Signer SIGNER = Signer.create("rowan.session", "fuzzing-secret-key-0123456789abcdef", List.of("old-key"), CLOCK);
    private static final CookieSessionStore STORE = new CookieSessionStore(SIGNER, Duration.ofDays(14));

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void decode(byte[] input) {
        SUMMARY.input();
        String[] f = FuzzInput.fields(input, 2);
        String cookie = FuzzInput.headerValue(f[0]);
        refused("unsign", SIGNER.unsign(cookie), cookie);
        refused("unsign with max age", SIGNER.unsign(cookie, Duration.ofDays(1)), cookie);
        refused("session load", STORE.load(cookie), cookie);
        CookieSessionStore.decode(cookie);

        Map<String, String> data = pairs(FuzzInput.utf8(f[1]));
        String saved;
        try {
            saved = STORE.save(Optional.empty(), data, false, Duration.ofDays(14));
        } catch (IllegalStateException tooBig) {
            return; // documented: a session larger than a cookie can carry
        }
        Optional<Map<String, String>> loaded = STORE.load(saved);
        if (!loaded.equals(Optional.of(data))) {
            throw new AssertionError("The session " + data + " read back as " + loaded);
        }
    }

    private static void refused(String what, Optional<?> result, String cookie) {
        if (result.isPresent()) {
            throw new AssertionError(what + " accepted a value the fuzzer made up: " + cookie);
        }
    }

    /** "k1\tv1\tk2\tv2...": well-formed text only (a lone surrogate cannot be sent as UTF-8 anyway). */
    private static Map<String, String> pairs(String text) {
        var out = new LinkedHashMap<String, String>();
        String[] parts = text.split("\t", -1);
        for (int i = 0; i + 1 < parts.length; i += 2) {
            out.put(parts[i], parts[i + 1]);
        }
        return out;
    }
}
