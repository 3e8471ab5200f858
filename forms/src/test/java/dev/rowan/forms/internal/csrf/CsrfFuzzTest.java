package dev.rowan.forms.internal.csrf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.internal.body.UrlEncoded;
import dev.rowan.core.security.FuzzInput;
import dev.rowan.core.security.FuzzSummary;
import dev.rowan.forms.Csrf;
import dev.rowan.forms.CsrfProtection;
import dev.rowan.test.TestClient;
import dev.rowan.test.TestRequest;
import dev.rowan.test.TestResponse;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSRF protection, through the in-memory test client: an unsafe request with any Origin, Referer,
 * token (form field and header), CSRF cookie, content type and body. A crash is a server error or
 * a request let through without a token that matches this visitor's secret: the fuzzer does not
 * know the secret, so it only passes when the input asks for the real token and cookie (the
 * first line's flags: C real cookie, F real token in the form, H real token in the header, S HTTPS).
 * Other lines: Origin, Referer, header token, cookie value, Content-Type, body. Seeds:
 * {@code CsrfFuzzTestInputs/submit/}.
 */
class CsrfFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("CSRF tokens");
    private static final TestClient CLIENT = TestClient.of(App.create(Config.of(Map.of("secret.key", "fuzzing-secret-key-0123456789abcdef")))
            .install(CsrfProtection.create().trustedOrigins("https://trusted.example"))
            .get("/token", ctx -> ctx.text(Csrf.token(ctx)))
            .post("/form", ctx -> ctx.text("accepted " + ctx.formParams().size())));
    private static final String TOKEN = CLIENT.get("/token").text();
    private static final String SECRET = CLIENT.cookie("rowan_csrf").orElseThrow();

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void submit(byte[] input) {
        SUMMARY.input();
        String[] f = FuzzInput.fields(input, 7);
        String flags = f[0];
        String cookie = flags.contains("C") ? SECRET : FuzzInput.headerValue(f[4]);
        String headerToken = flags.contains("H") ? TOKEN : FuzzInput.headerValue(f[3]);
        String body = (flags.contains("F") ? "_csrf=" + TOKEN + "&" : "") + f[6];
        CLIENT.clearCookies();
        TestRequest request = CLIENT.request("POST", "/form").cookie("rowan_csrf", cookie).header(Csrf.HEADER, headerToken);
        optionalHeader(request, "Origin", f[1]);
        optionalHeader(request, "Referer", f[2]);
        optionalHeader(request, "Content-Type", f[5]);
        if (flags.contains("S")) {
            request.secure();
        }
        TestResponse response = request.body(body.getBytes(StandardCharsets.ISO_8859_1)).send();
        if (response.status() >= 500) {
            throw new AssertionError("Status " + response.status() + ": " + response.text());
        }
        if (response.status() == 200 && !(cookie.equals(SECRET) && anyMatches(headerToken, body))) {
            throw new AssertionError("Accepted without a token for this visitor's secret: cookie " + cookie + ", header " + headerToken
                    + ", body " + body);
        }
    }

    private static void optionalHeader(TestRequest request, String name, String field) {
        String value = FuzzInput.headerValue(field);
        if (!value.isEmpty()) {
            request.header(name, value);
        }
    }

    /** Whether the header or any _csrf value the body could carry is a token for {@link #SECRET}. */
    private static boolean anyMatches(String headerToken, String body) {
        List<String> candidates = new ArrayList<>(List.of(headerToken));
        try {
            candidates.addAll(UrlEncoded.parse(FuzzInput.utf8(body), 10_000, "form").getOrDefault(Csrf.FIELD, List.of()));
        } catch (RuntimeException tooManyFields) {
            // not a form the server would have read either
        }
        return candidates.stream().map(String::strip).anyMatch(t -> (t.length() == Tokens.SECRET_LENGTH || t.length() == Tokens.TOKEN_LENGTH)
                && Tokens.onlyAlphabet(t) && Tokens.unmask(t).equals(SECRET));
    }
}
