package dev.rowan.core.internal;

import dev.rowan.core.Config;

/** Headers every response carries unless the handler set its own. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static String[][] defaults(Config c) {
        return new String[][] {
            {"X-Content-Type-Options", "nosniff"},
            {"X-Frame-Options", c.get("security.frame-options", "DENY")},
            {"Referrer-Policy", c.get("security.referrer-policy", "same-origin")},
            {"Cross-Origin-Opener-Policy", c.get("security.cross-origin-opener-policy", "same-origin")},
        };
    }
}
