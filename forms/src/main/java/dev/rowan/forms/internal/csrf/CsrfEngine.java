package dev.rowan.forms.internal.csrf;

import dev.rowan.core.Context;
import dev.rowan.core.Cookie;
import dev.rowan.core.Key;
import dev.rowan.core.Middleware;
import dev.rowan.core.spi.CsrfTokens;
import dev.rowan.forms.Csrf;
import dev.rowan.forms.CsrfException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/** The CSRF middleware and token source. */
public final class CsrfEngine implements Middleware, CsrfTokens {
    private static final String SESSION_KEY = "_csrf_secret";
    private static final Key<State> STATE = Key.of("rowan.csrf", State.class);

    private final CsrfSettings settings;

    public CsrfEngine(CsrfSettings settings) {
        this.settings = settings;
    }

    /** This request's CSRF secret once known, and whether it was already sent back. */
    private static final class State {
        String secret;
        boolean sent;
    }

    // ---------------------------------------------------------------- tokens

    @Override
    public String fieldName() {
        return Csrf.FIELD;
    }

    @Override
    public String token(Context ctx) {
        State state = state(ctx);
        if (state.secret == null) {
            state.secret = stored(ctx).orElseGet(Tokens::newSecret);
        }
        send(ctx, state);
        return Tokens.mask(state.secret);
    }

    public void rotate(Context ctx) {
        State state = state(ctx);
        state.secret = Tokens.newSecret();
        state.sent = false;
        send(ctx, state);
    }

    /** Sends the secret (once per request): refreshes the cookie's age, or stores it in the session. */
    private void send(Context ctx, State state) {
        if (state.sent) {
            return;
        }
        state.sent = true;
        if (settings.useSession()) {
            if (!stored(ctx).filter(state.secret::equals).isPresent()) {
                ctx.session().put(SESSION_KEY, state.secret);
            }
        } else {
            ctx.cookie(Cookie.of(settings.cookieName(), state.secret).withMaxAge(settings.cookieAge())
                    .withHttpOnly(settings.cookieHttpOnly()).withSameSite(Cookie.SameSite.LAX));
        }
        // The page now differs per visitor: caches must not serve it to someone else.
        ctx.addHeader("Vary", "Cookie");
    }

    private Optional<String> stored(Context ctx) {
        Optional<String> raw = settings.useSession() ? ctx.session().get(SESSION_KEY) : ctx.cookie(settings.cookieName()).value();
        return raw.filter(Tokens::isWellFormedSecret);
    }

    private static State state(Context ctx) {
        return ctx.get(STATE).orElseGet(() -> {
            State s = new State();
            ctx.set(STATE, s);
            return s;
        });
    }

    // ---------------------------------------------------------------- the check

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        if (ctx.method().isUnsafe() && !isExempt(ctx)) {
            Optional<CsrfException> failure = verify(ctx);
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
        next.proceed();
    }

    private boolean isExempt(Context ctx) {
        String path = ctx.path();
        for (String prefix : settings.exemptPaths()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        // No route means no handler will change anything: let the router answer 404/405 rather than
        // a misleading 403 (as Django checks CSRF only for a resolved view).
        return ctx.routeHandler().map(ExemptHandler.class::isInstance).orElse(true);
    }

    private Optional<CsrfException> verify(Context ctx) {
        String own = Origins.normalize(ctx.origin()).orElse("");
        Optional<String> origin = ctx.headers().first("Origin");
        if (origin.isPresent()) {
            String o = Origins.normalize(origin.get()).orElse(origin.get());
            if (!o.equals(own) && !settings.trusted().trusts(o)) {
                return fail("csrf.E001", "The Origin header '" + origin.get() + "' is neither this site (" + own
                        + ") nor a trusted origin. If the form is on another site you trust, add it to csrf.trusted-origins.");
            }
        } else if (ctx.isSecure()) {
            Optional<CsrfException> referer = checkReferer(ctx, own);
            if (referer.isPresent()) {
                return referer;
            }
        }
        return checkToken(ctx);
    }

    private Optional<CsrfException> checkReferer(Context ctx, String own) {
        Optional<String> referer = ctx.headers().first("Referer");
        if (referer.isEmpty()) {
            return fail("csrf.E002", "This HTTPS request has neither an Origin nor a Referer header, so its source cannot "
                    + "be checked. Browsers send them for same-site forms; a 'Referrer-Policy: no-referrer' on the page "
                    + "suppresses the Referer — use 'same-origin' instead.");
        }
        URI uri;
        try {
            uri = new URI(referer.get().strip());
        } catch (URISyntaxException e) {
            return fail("csrf.E003", "The Referer header is malformed.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return fail("csrf.E004", "The Referer '" + referer.get() + "' is not HTTPS while this request is: "
                    + "a man-in-the-middle could have made it.");
        }
        String from = Origins.normalize(uri.getScheme() + "://" + uri.getRawAuthority()).orElse("");
        if (!from.equals(own) && !settings.trusted().trusts(from)) {
            return fail("csrf.E005", "The Referer '" + referer.get() + "' is neither this site (" + own
                    + ") nor a trusted origin (csrf.trusted-origins).");
        }
        return Optional.empty();
    }

    private Optional<CsrfException> checkToken(Context ctx) {
        Optional<String> secret = stored(ctx);
        if (secret.isEmpty()) {
            return fail("csrf.E006", settings.useSession()
                    ? "The session holds no CSRF secret: the page with the form was not rendered with a CSRF token in this session, or the session expired."
                    : "The CSRF cookie '" + settings.cookieName() + "' is missing: render the form with {{ csrf_input() }} "
                    + "(which sets it), and check that the browser accepts cookies from this site.");
        }
        Optional<String> token = submitted(ctx);
        if (token.isEmpty()) {
            return fail("csrf.E007", "The CSRF token is missing. Put {{ csrf_input() }} inside the <form>, or send the "
                    + "token in the " + Csrf.HEADER + " header. A token in the URL's query string is not accepted.");
        }
        String t = token.get();
        if (t.length() != Tokens.TOKEN_LENGTH && t.length() != Tokens.SECRET_LENGTH) {
            return fail("csrf.E008", "The CSRF token has the wrong length (" + t.length() + " characters; expected "
                    + Tokens.TOKEN_LENGTH + ").");
        }
        if (!Tokens.onlyAlphabet(t)) {
            return fail("csrf.E009", "The CSRF token has characters other than letters and digits.");
        }
        if (!Tokens.same(Tokens.unmask(t), secret.get())) {
            return fail("csrf.E010", "The CSRF token does not match this visitor's secret: it comes from another "
                    + "session or browser, or the secret was rotated (at login) after the page was rendered. Reload the page.");
        }
        return Optional.empty();
    }

    /** The token from the body's form field, else the header; never from the query string. */
    private static Optional<String> submitted(Context ctx) {
        Optional<String> type = ctx.contentType();
        if (type.filter(t -> t.equals("application/x-www-form-urlencoded") || t.equals("multipart/form-data")).isPresent()) {
            List<String> values = ctx.formAll(Csrf.FIELD);
            if (!values.isEmpty()) {
                return Optional.of(values.get(0).strip());
            }
        }
        return ctx.headers().first(Csrf.HEADER).map(String::strip);
    }

    private Optional<CsrfException> fail(String id, String reason) {
        return Optional.of(CsrfException.of(id, reason, settings.debug()));
    }
}
