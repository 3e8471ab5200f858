package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.Config;

import java.util.HashMap;
import java.util.Map;

/** Small helpers for building apps under test. */
final class Apps {
    static final String KEY = "k".repeat(16) + "0123456789abcdef0123456789";

    private Apps() {
    }

    /** A test-profile app with a fixed secret key and the given extra settings (key, value, ...). */
    static App app(String... settings) {
        return App.create(config(settings));
    }

    static Config config(String... settings) {
        Map<String, String> m = new HashMap<>();
        m.put("secret.key", KEY);
        for (int i = 0; i < settings.length; i += 2) {
            m.put(settings[i], settings[i + 1]);
        }
        return Config.of(m);
    }

    /** A production app answering to example.com. */
    static App prod(String... settings) {
        String[] all = new String[settings.length + 4];
        all[0] = "profile";
        all[1] = "prod";
        all[2] = "allowed.hosts";
        all[3] = "example.com";
        System.arraycopy(settings, 0, all, 4, settings.length);
        return app(all);
    }
}
