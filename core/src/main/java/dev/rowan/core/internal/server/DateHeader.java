package dev.rowan.core.internal.server;

import dev.rowan.core.internal.HttpDates;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Date} header value, formatted at most once per second. A running server calls
 * {@link #tick()} a few times a second from its event loop, so responses read a volatile field
 * instead of the clock (reading the clock per response was ~2 % of a request's CPU).
 */
final class DateHeader {
    /** How often a running server re-checks the clock; the header is at most this much late. */
    static final long TICK_MILLIS = 200;

    /** The value and its encoded header line, swapped together so readers never see a mix. */
    private record Stamp(long second, String value, byte[] line) {
    }

    private static volatile Stamp current = stampFor(System.currentTimeMillis() / 1000);

    private DateHeader() {
    }

    static String now() {
        return current.value();
    }

    /** {@code "date: <value>\r\n"} as bytes. */
    static byte[] line() {
        return current.line();
    }

    /** Re-reads the clock; formats only when the second changed. */
    static void tick() {
        long s = System.currentTimeMillis() / 1000;
        if (current.second() != s) {
            current = stampFor(s);
        }
    }

    private static Stamp stampFor(long second) {
        String value = HttpDates.formatSeconds(second);
        return new Stamp(second, value, ("date: " + value + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
