package dev.rowan.core.internal.routing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Context;
import dev.rowan.core.security.FuzzExchange;
import dev.rowan.core.security.FuzzInput;
import dev.rowan.core.security.FuzzSummary;
import dev.rowan.core.security.ServerErrors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The router and path normalisation, through the whole dispatcher: any method, request target and
 * Host (as the engine hands them on), against routes with every converter. A crash is an exception
 * out of {@link App#handle}, no response, or a server error (5xx other than 501 for an unknown
 * method): bad input must be a 4xx. Seeds: {@code RouterFuzzTestInputs/route/}, one file each,
 * lines "method", "target", "Host", "Cookie".
 */
class RouterFuzzTest {
    @RegisterExtension
    static final FuzzSummary SUMMARY = FuzzSummary.of("router and path normalisation");
    private static final ServerErrors ERRORS = ServerErrors.capture();
    private static final App APP = App.create(Config.of(Map.of("secret.key", "fuzzing-secret-key-0123456789abcdef")))
            .get("/", ctx -> ctx.text("home"))
            .get("/items/<int:id>", ctx -> ctx.text("item " + ctx.pathParam("id").asInt()), "item")
            .post("/items/<int:id>", ctx -> ctx.text("posted " + ctx.pathParam("id").asInt()))
            .get("/n/<long:n>/<str:s>", ctx -> ctx.text(ctx.pathParam("n").asString() + ctx.pathParam("s").asString()))
            .get("/ids/<uuid:id>", ctx -> ctx.text(ctx.pathParam("id").asString()))
            .get("/u/<slug:name>/", ctx -> ctx.text(ctx.url("item", 5)))
            .get("/files/<path:rest>", RouterFuzzTest::file)
            .get("/echo", RouterFuzzTest::echo);

    @FuzzTest(maxDuration = "2s")
    @Timeout(10)
    void route(byte[] input) {
        SUMMARY.input();
        String[] f = FuzzInput.fields(input, 4);
        var ex = FuzzExchange.of(FuzzInput.target(f[0]), FuzzInput.target(f[1]))
                .header("Host", FuzzInput.headerValue(f[2]))
                .header("Cookie", FuzzInput.headerValue(f[3]));
        APP.handle(ex);
        if (ex.status() < 100 || ex.status() >= 500 && ex.status() != 501) {
            throw new AssertionError("Status " + ex.status() + " for " + ex.method() + " " + ex.target(), ERRORS.last());
        }
        String path = Router.decodePath(FuzzInput.target(f[1])).orElse("");
        if (path.indexOf('\0') >= 0) {
            throw new AssertionError("A decoded path holds NUL: " + f[1]);
        }
    }

    private static void file(Context ctx) {
        ctx.text(ctx.pathParam("rest").asString());
    }

    private static void echo(Context ctx) {
        // Only a short value: a session over a cookie's 4 KB is the app's error (a 500 that says so), not the client's.
        ctx.session().put("seen", Integer.toString(ctx.queryString().length()));
        ctx.text(ctx.queryParams() + " " + ctx.cookie("a").asString("") + " " + ctx.signedCookie("s").orElse("")
                + " " + ctx.session().keys());
    }
}
