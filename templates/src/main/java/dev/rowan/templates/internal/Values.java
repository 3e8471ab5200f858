package dev.rowan.templates.internal;

import dev.rowan.templates.SafeHtml;
import io.pebbletemplates.pebble.extension.escaper.SafeString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions between what Rowan's API hands out and what Pebble expects. */
final class Values {
    private Values() {
    }

    /** Pebble passes positional arguments as a map keyed "0", "1", ...; named arguments are not supported. */
    static List<Object> positional(Map<String, Object> args) {
        List<Object> list = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            list.add(args.get(String.valueOf(i)));
        }
        return list;
    }

    /** Our trusted markup (and the core's TrustedHtml) becomes Pebble's, so raw output works even where our escape filter is not consulted. */
    static Object toPebble(Object value) {
        if (value instanceof SafeHtml html) {
            return new SafeString(html.html());
        }
        String trusted = CoreMarkup.plainHtmlOrNull(value);
        return trusted != null ? new SafeString(trusted) : value;
    }
}
