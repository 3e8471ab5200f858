package dev.rowan.examples.infoboard;

/** What one call to the upstream gave: rates, or why there are none. */
sealed interface FetchResult {

    record Ok(Rates rates) implements FetchResult {
    }

    /** The upstream failed; {@code detail} is a sentence for the page, e.g. "The rates service did not answer within 3 s.". */
    record Failed(Problem problem, String detail) implements FetchResult {
    }

    /** The kind of failure; the page shows only {@code detail}, so this is for code that reacts to the kind. */
    enum Problem {
        SLOW, DOWN, ERROR_STATUS, MALFORMED, REDIRECTED
    }
}
