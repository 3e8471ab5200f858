package dev.rowan.core.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code Cookie} request headers; the first value of a repeated name wins, as in browsers' ordering. */
final class CookieParser {
    private CookieParser() {
    }

    static Map<String, String> parse(List<String> headers) {
        if (headers.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, String>();
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip();
                if (name.isEmpty()) {
                    continue; // " =v": no name a handler could ask for
                }
                String value = pair.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }
}
