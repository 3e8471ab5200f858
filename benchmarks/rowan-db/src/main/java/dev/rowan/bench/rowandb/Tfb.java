package dev.rowan.bench.rowandb;

import dev.rowan.core.Context;

import java.util.concurrent.ThreadLocalRandom;

/** TechEmpower rules shared by both modes: random ids, the queries parameter, the JSON row. */
final class Tfb {
    static final String EXTRA_FORTUNE = "Additional fortune added at request time.";

    /** The JSON shape of a World row: {"id":…,"randomNumber":…}. */
    record WorldJson(int id, int randomNumber) {
    }

    /** A fortune for the template (JDBC mode); the template reads id and message. */
    record FortuneRow(int id, String message) {
    }

    private Tfb() {
    }

    /** 1..10000. */
    static int randomId() {
        return 1 + ThreadLocalRandom.current().nextInt(10_000);
    }

    /** A new randomNumber different from {@code old}, so every update really changes the row. */
    static int newRandomNumber(int old) {
        int n;
        do {
            n = randomId();
        } while (n == old);
        return n;
    }

    /** {@code ?queries=}: missing or not an integer means 1; clamped to 1..500. */
    static int queries(Context ctx) {
        String raw = ctx.query("queries").asString("1");
        int n;
        try {
            n = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return 1;
        }
        return Math.clamp(n, 1, 500);
    }
}
