package dev.rowan.auth.internal.validators;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How Django's {@code UserAttributeSimilarityValidator} measures a password against a value:
 * {@code difflib.SequenceMatcher.quick_ratio} (twice the characters the two share, counted with
 * repeats, over their total length) against the whole value and each of its words, skipping a value
 * so short beside the password that no similarity could reach the limit.
 */
public final class Similarity {
    private Similarity() {
    }

    public static boolean tooSimilar(String password, String value, double max) {
        String pwd = password.toLowerCase(Locale.ROOT);
        String val = value.toLowerCase(Locale.ROOT);
        if (tooShortToCompare(pwd, val, max)) {
            return false;
        }
        if (quickRatio(pwd, val) >= max) {
            return true;
        }
        for (String part : val.split("[^\\p{L}\\p{N}_]+")) {
            if (!part.isEmpty() && !tooShortToCompare(pwd, part, max) && quickRatio(pwd, part) >= max) {
                return true;
            }
        }
        return false;
    }

    /** Django skips a value when the password is ten times as long and the value under the length bound. */
    private static boolean tooShortToCompare(String password, String value, double max) {
        double bound = max / 2 * password.length();
        return password.length() >= 10 * value.length() && value.length() < bound;
    }

    static double quickRatio(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        b.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int matches = 0;
        for (int c : a.codePoints().toArray()) {
            Integer left = counts.get(c);
            if (left != null && left > 0) {
                counts.put(c, left - 1);
                matches++;
            }
        }
        return 2.0 * matches / (a.codePointCount(0, a.length()) + b.codePointCount(0, b.length()));
    }
}
