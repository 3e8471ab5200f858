package dev.rowan.core.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/** "Did you mean …?": the candidate a misspelt name is closest to, by edit distance. */
public final class Nearest {
    private Nearest() {
    }

    /** The candidate whose {@code key} is nearest to {@code wanted}; empty only when there are none. */
    public static <T> Optional<T> to(String wanted, Collection<T> candidates, Function<T, String> key) {
        return candidates.stream().min(Comparator.comparingInt(c -> distance(wanted, key.apply(c))));
    }

    /** The nearest candidate, if it is near enough to be a likely typo (at most a third of its letters differ). */
    public static Optional<String> likelyTypo(String wanted, Collection<String> candidates) {
        return to(wanted, candidates, Function.identity())
                .filter(c -> distance(wanted, c) <= Math.max(2, Math.max(wanted.length(), c.length()) / 3));
    }

    /** Levenshtein distance: the fewest single-character edits that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
