package dev.rowan.core.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short random ids that tie an error page a user saw to the logged stack trace. */
final class ErrorIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {
    }

    static String next() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
