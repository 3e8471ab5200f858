package dev.rowan.core.internal.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value, formatted at most once per second. */
final class DateHeader {
    /** The value and its encoded header line, swapped together so readers never see a mix. */
    private record Stamp(long second, String value, byte[] line) {
    }

    private static volatile Stamp current = new Stamp(Long.MIN_VALUE, "", new byte[0]);

    private DateHeader() {
    }

    static String now() {
        return stamp().value();
    }

    /** {@code "date: <value>\r\n"} as bytes. */
    static byte[] line() {
        return stamp().line();
    }

    private static Stamp stamp() {
        long s = System.currentTimeMillis() / 1000;
        Stamp c = current;
        if (c.second() != s) {
            String value = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC));
            c = new Stamp(s, value, ("date: " + value + "\r\n").getBytes(StandardCharsets.US_ASCII));
            current = c;
        }
        return c;
    }
}
