package dev.rowan.core.internal.staticfiles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (IMF-fixdate, RFC 9110 §5.6.7), at the one-second precision HTTP uses. */
final class HttpDates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Seconds since the epoch; empty for anything that is not a valid date (the header is then ignored). */
    static Optional<Long> parseSeconds(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
