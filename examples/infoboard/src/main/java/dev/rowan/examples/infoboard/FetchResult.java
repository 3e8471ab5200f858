package dev.rowan.examples.infoboard;

/** What one call to the upstream gave: rates, or why there are none. */
sealed interface FetchResult {

    record Ok(Rates rates) implements FetchResult {
    }

    /** The upstream failed; {@code problem} is a sentence for the page, e.g. "it did not answer within 3 s". */
    record Failed(Problem problem, String detail) implements FetchResult {
    }

    /** The ways an upstream fails, each shown differently to the reader. */
    enum Problem {
        SLOW, DOWN, ERROR_STATUS, MALFORMED
    }
}
