package dev.rowan.forms;

import dev.rowan.core.Context;
import dev.rowan.core.Handler;
import dev.rowan.forms.internal.csrf.CsrfEngine;
import dev.rowan.forms.internal.csrf.ExemptHandler;

/**
 * CSRF helpers for handlers and other modules. Protection itself is installed with {@link CsrfProtection}.
 *
 * <pre>{@code
 * app.post("/api/hooks/github", Csrf.exempt(hooks::github));   // authenticated another way
 * String token = Csrf.token(ctx);                               // for a JavaScript client
 * Csrf.rotate(ctx);                                             // the auth module calls this on login
 * }</pre>
 */
public final class Csrf {
    /** The form field the token is read from. */
    public static final String FIELD = "_csrf";
    /** The header the token is read from (for JavaScript clients). */
    public static final String HEADER = "X-CSRFToken";

    private Csrf() {
    }

    /** A masked token for this visitor (a new one each call, all valid); sends the secret's cookie if needed. */
    public static String token(Context ctx) {
        return engine(ctx).token(ctx);
    }

    /**
     * Replaces the visitor's secret, so tokens issued before are worthless. Call it when the user logs in, so a token
     * an attacker planted or saw before login cannot be used after it.
     */
    public static void rotate(Context ctx) {
        engine(ctx).rotate(ctx);
    }

    /** {@code handler} without CSRF checks, for APIs authenticated by something a browser does not send by itself. */
    public static Handler exempt(Handler handler) {
        return new ExemptHandler(handler);
    }

    private static CsrfEngine engine(Context ctx) {
        return ctx.app().findService(CsrfEngine.class).orElseThrow(() -> new IllegalStateException(
                "forms.E010 CSRF protection is not installed: app.install(CsrfProtection.create())."));
    }
}
