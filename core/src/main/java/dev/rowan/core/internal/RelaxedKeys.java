package dev.rowan.core.internal;

import java.util.Locale;

/** The one form in which setting keys are compared: lower case, with dots for dashes and underscores. */
public final class RelaxedKeys {
    private RelaxedKeys() {
    }

    /** {@code SERVER_MAX_BODY_SIZE}, {@code server.max-body-size} and {@code server.max_body_size} all become {@code server.max.body.size}. */
    public static String relaxed(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }
}
