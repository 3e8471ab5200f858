package dev.rowan.forms.internal.csrf;

import dev.rowan.core.Setting;
import dev.rowan.core.Setting.Type;

import java.util.List;

/** The settings CSRF protection reads, declared when it is installed. */
public final class CsrfSettingDeclarations {
    private CsrfSettingDeclarations() {
    }

    public static final List<Setting> ALL = List.of(
            Setting.of("csrf.trusted-origins", Type.LIST, "", "Other origins whose unsafe requests are accepted, e.g. "
                    + "https://admin.example.com or https://*.example.com."),
            Setting.of("csrf.exempt-paths", Type.LIST, "", "Path prefixes that skip the CSRF check, e.g. /api/."),
            Setting.of("csrf.use-session", Type.BOOLEAN, "false", "Keeps the CSRF secret in the session instead of its own cookie."),
            Setting.of("csrf.cookie-name", Type.TEXT, "rowan_csrf", "The name of the CSRF cookie."),
            Setting.of("csrf.cookie-age", Type.DURATION, "365d", "How long the CSRF cookie lives."),
            Setting.of("csrf.cookie-http-only", Type.BOOLEAN, "false", "Hides the CSRF cookie from JavaScript (which then cannot "
                    + "send the token in a header)."));
}
