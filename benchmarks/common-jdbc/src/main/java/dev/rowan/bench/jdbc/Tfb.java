package dev.rowan.bench.jdbc;

import java.util.concurrent.ThreadLocalRandom;

/** TechEmpower's rules every database server follows: random ids, the queries parameter, the extra fortune. */
public final class Tfb {
    public static final String EXTRA_FORTUNE = "Additional fortune added at request time.";

    private Tfb() {
    }

    /** 1..10000. */
    public static int randomId() {
        return 1 + ThreadLocalRandom.current().nextInt(10_000);
    }

    /** A new randomNumber different from {@code old}, so every update really changes the row. */
    public static int newRandomNumber(int old) {
        int n;
        do {
            n = randomId();
        } while (n == old);
        return n;
    }

    /** {@code ?queries=}: missing or not an integer means 1; clamped to 1..500. */
    public static int count(String raw) {
        try {
            return Math.clamp(Integer.parseInt(raw), 1, 500);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
