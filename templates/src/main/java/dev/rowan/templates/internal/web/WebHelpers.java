package dev.rowan.templates.internal.web;

import dev.rowan.core.App;
import dev.rowan.core.Context;
import dev.rowan.core.StaticUrls;
import dev.rowan.core.TrustedHtml;
import dev.rowan.core.spi.CsrfTokens;
import dev.rowan.templates.SafeHtml;
import dev.rowan.templates.TemplateCall;
import dev.rowan.templates.Templates;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** url(), static(), csrf_token(), csrf_input(), and the request and messages variables. */
final class WebHelpers {
    private WebHelpers() {
    }

    static void register(App app, Templates.Builder builder) {
        // Built on the first render, when every module (StaticFiles included) is installed.
        Optional<StaticUrls> staticUrls = app.findService(StaticUrls.class);
        Optional<CsrfTokens> csrfTokens = app.findService(CsrfTokens.class);
        String staticPrefix = normalizePrefix(app.config().get("static.url", "/static/"));
        builder.function("url", call -> url(app, call))
                .function("static", call -> staticUrls.map(u -> u.url(call.string(0)))
                        .orElseGet(() -> plainStaticUrl(staticPrefix, call.string(0))))
                .function("csrf_token", call -> csrf(csrfTokens).token(request(call, "csrf_token")))
                .function("csrf_input", call -> csrfInput(csrf(csrfTokens), request(call, "csrf_input")))
                .contextProcessor(scope -> scope.context(Context.class).<Map<String, ?>>map(WebHelpers::requestValues)
                        .orElse(Map.of()));
    }

    private static Map<String, ?> requestValues(Context ctx) {
        Map<String, Object> values = new HashMap<>();
        values.put("request", ctx);
        values.put("messages", new LazyMessages(ctx));
        return values;
    }

    private static Object url(App app, TemplateCall call) {
        Object[] args = call.args().subList(1, call.size()).toArray();
        String name = call.string(0);
        return call.context(Context.class).map(ctx -> ctx.url(name, args)).orElseGet(() -> app.url(name, args));
    }

    /** Without StaticFiles installed there is nothing to fingerprint: the prefix (config static.url) and the path. */
    private static String plainStaticUrl(String prefix, String path) {
        return prefix + (path.startsWith("/") ? path.substring(1) : path);
    }

    private static String normalizePrefix(String prefix) {
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    private static CsrfTokens csrf(Optional<CsrfTokens> tokens) {
        return tokens.orElseThrow(() -> new IllegalStateException(
                "templates.E011 csrf_token() and csrf_input() need CSRF protection: add the dependency "
                        + "dev.rowan:rowan-forms and app.install(CsrfProtection.create())."));
    }

    private static Context request(TemplateCall call, String function) {
        return call.context(Context.class).orElseThrow(() -> new IllegalStateException("templates.E012 " + function
                + "() works only in templates rendered for a request (ctx.render), not in standalone renders."));
    }

    private static SafeHtml csrfInput(CsrfTokens csrf, Context ctx) {
        return SafeHtml.trusted("<input type=\"hidden\" name=\"" + TrustedHtml.escape(csrf.fieldName()) + "\" value=\""
                + TrustedHtml.escape(csrf.token(ctx)) + "\">");
    }
}
