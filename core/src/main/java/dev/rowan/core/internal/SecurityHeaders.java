package dev.rowan.core.internal;

import dev.rowan.core.Config;
import dev.rowan.core.spi.ServerExchange.EncodedHeaders;

import java.util.Arrays;

/**
 * Headers every response carries unless the handler set its own. A {@code Server} header is sent
 * only when {@code server.header} names one: advertising the software helps nobody but scanners,
 * while some checks (TechEmpower's, for one) require the header.
 */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /** {@link #defaults} as ready-made bytes, checked like any header the app sets. */
    static EncodedHeaders encoded(String[][] defaults) {
        for (String[] header : defaults) {
            ResponseHeaders.validate(header[0], header[1]);
        }
        return EncodedHeaders.of(defaults);
    }

    static String[][] defaults(Config c) {
        String server = c.get("server.header", "");
        String[][] security = {
            {"X-Content-Type-Options", "nosniff"},
            {"X-Frame-Options", c.get("security.frame-options", "DENY")},
            {"Referrer-Policy", c.get("security.referrer-policy", "same-origin")},
            {"Cross-Origin-Opener-Policy", c.get("security.cross-origin-opener-policy", "same-origin")},
        };
        if (server.isBlank()) {
            return security;
        }
        String[][] withServer = Arrays.copyOf(security, security.length + 1);
        withServer[security.length] = new String[] {"Server", server.strip()};
        return withServer;
    }
}
