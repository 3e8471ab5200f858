package dev.rowan.forms.internal.csrf;

import java.time.Duration;
import java.util.List;

/** CSRF settings, resolved once at install. */
public record CsrfSettings(Origins trusted, List<String> exemptPaths, boolean useSession, String cookieName,
                           Duration cookieAge, boolean cookieHttpOnly, boolean debug) {
}
