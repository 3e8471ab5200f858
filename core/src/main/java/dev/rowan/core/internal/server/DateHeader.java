package dev.rowan.core.internal.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value, formatted at most once per second. */
final class DateHeader {
    private static volatile long second;
    private static volatile String value = "";

    private DateHeader() {
    }

    static String now() {
        long s = System.currentTimeMillis() / 1000;
        if (s != second) {
            value = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC));
            second = s;
        }
        return value;
    }
}
