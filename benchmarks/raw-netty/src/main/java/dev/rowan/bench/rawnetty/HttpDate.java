package dev.rowan.bench.rawnetty;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value, re-rendered once a second as TechEmpower's rules allow. */
final class HttpDate {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static volatile String current = render();

    private HttpDate() {
    }

    static String now() {
        return current;
    }

    static void refresh() {
        current = render();
    }

    private static String render() {
        return FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
