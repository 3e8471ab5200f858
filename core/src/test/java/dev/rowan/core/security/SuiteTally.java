package dev.rowan.core.security;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts the cases of one security suite and prints {@code [security] name: N cases run / M passed}
 * (the figures docs/security.md quotes). Every case runs even after one fails, so a report shows
 * all failures at once; {@link #assertAllPassed()} then fails the test with their list.
 */
public final class SuiteTally {
    private final String suite;
    private int run;
    private final List<String> failures = new ArrayList<>();

    private SuiteTally(String suite) {
        this.suite = suite;
    }

    public static SuiteTally of(String suite) {
        return new SuiteTally(suite);
    }

    /** A case whose body throws (an assertion or anything else) has failed. */
    public interface Case {
        void run() throws Exception;
    }

    public void check(String name, Case body) {
        run++;
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            failures.add(name + ": " + e.getMessage());
        }
    }

    public int run() {
        return run;
    }

    public void assertAllPassed() {
        System.out.println("[security] " + suite + ": " + run + " cases run / " + (run - failures.size()) + " passed");
        assertThat(failures).as(suite + " failures").isEmpty();
    }
}
