package dev.rowan.forms;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.core.spi.CsrfTokens;
import dev.rowan.forms.internal.csrf.CsrfEngine;
import dev.rowan.forms.internal.csrf.CsrfSettingDeclarations;
import dev.rowan.forms.internal.csrf.CsrfSettings;
import dev.rowan.forms.internal.csrf.Origins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cross-site request forgery protection for every POST, PUT, PATCH and DELETE: the request must come from this site
 * (Origin, or on HTTPS the Referer) and carry a valid token in the {@code _csrf} form field or the
 * {@code X-CSRFToken} header. Templates print the token with {@code {{ csrf_input() }}}.
 *
 * <pre>{@code
 * app.install(CsrfProtection.create());
 * app.install(CsrfProtection.create().exemptPaths("/api/").trustedOrigins("https://admin.example.com"));
 * }</pre>
 *
 * <p>Settings (each overridable here): {@code csrf.trusted-origins} (comma-separated, {@code https://*.example.com}
 * allowed), {@code csrf.exempt-paths}, {@code csrf.use-session} (keep the secret in the session instead of a cookie),
 * {@code csrf.cookie-name} ({@code rowan_csrf}), {@code csrf.cookie-age} ({@code 365d}), {@code csrf.cookie-http-only}
 * ({@code false}: JavaScript may read it to send the header).
 */
public final class CsrfProtection implements Module {
    private final List<String> trustedOrigins;
    private final List<String> exemptPaths;
    private final Optional<Boolean> useSession;

    private CsrfProtection(List<String> trustedOrigins, List<String> exemptPaths, Optional<Boolean> useSession) {
        this.trustedOrigins = List.copyOf(trustedOrigins);
        this.exemptPaths = List.copyOf(exemptPaths);
        this.useSession = useSession;
    }

    /** Protection configured from the app's settings. */
    public static CsrfProtection create() {
        return new CsrfProtection(List.of(), List.of(), Optional.empty());
    }

    /** Also accepts requests from these origins, e.g. {@code https://shop.example.com} or {@code https://*.example.com}. */
    public CsrfProtection trustedOrigins(String... origins) {
        List<String> all = new ArrayList<>(trustedOrigins);
        all.addAll(List.of(origins));
        return new CsrfProtection(all, exemptPaths, useSession);
    }

    /** Skips the check for paths starting with any of {@code prefixes}, e.g. {@code "/api/"}. */
    public CsrfProtection exemptPaths(String... prefixes) {
        List<String> all = new ArrayList<>(exemptPaths);
        all.addAll(List.of(prefixes));
        return new CsrfProtection(trustedOrigins, all, useSession);
    }

    /** Keeps the secret in the session ({@code true}) or in its own cookie ({@code false}, the default). */
    public CsrfProtection useSession(boolean enabled) {
        return new CsrfProtection(trustedOrigins, exemptPaths, Optional.of(enabled));
    }

    @Override
    public void install(App app) {
        app.declare(CsrfSettingDeclarations.ALL.toArray(Setting[]::new));
        Config c = app.config();
        List<String> origins = new ArrayList<>(c.getList("csrf.trusted-origins"));
        origins.addAll(trustedOrigins);
        List<String> paths = new ArrayList<>(c.getList("csrf.exempt-paths"));
        paths.addAll(exemptPaths);
        CsrfSettings settings = new CsrfSettings(Origins.parseTrusted(origins), List.copyOf(paths),
                useSession.orElse(c.getBoolean("csrf.use-session", false)), c.get("csrf.cookie-name", "rowan_csrf"),
                c.getDuration("csrf.cookie-age", Duration.ofDays(365)), c.getBoolean("csrf.cookie-http-only", false),
                c.debug());
        CsrfEngine engine = new CsrfEngine(settings);
        app.register(CsrfEngine.class, engine);
        app.register(CsrfTokens.class, engine);
        app.use(engine);
    }
}
