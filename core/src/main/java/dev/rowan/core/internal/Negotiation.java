package dev.rowan.core.internal;

import java.util.Locale;
import java.util.Optional;

/** Picks the best offered media type for an {@code Accept} header (RFC 9110 §12.5.1). */
public final class Negotiation {
    private Negotiation() {
    }

    public static Optional<String> best(String accept, String... offered) {
        if (offered.length == 0) {
            return Optional.empty();
        }
        if (accept == null || accept.isBlank()) {
            return Optional.of(offered[0]);
        }
        String best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (String offer : offered) {
            String o = offer.toLowerCase(Locale.ROOT);
            double q = 0;
            int specificity = -1;
            for (String range : accept.split(",")) {
                String[] parts = range.split(";");
                String type = parts[0].strip().toLowerCase(Locale.ROOT);
                int s = matches(type, o);
                if (s < 0 || s < specificity) {
                    continue;
                }
                double rq = 1;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip();
                    if (p.startsWith("q=")) {
                        try {
                            rq = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            rq = 0;
                        }
                    }
                }
                if (s > specificity) {
                    specificity = s;
                    q = rq;
                }
            }
            // Ties go to the earlier offer: the server's preference order.
            if (q > bestQ || (q == bestQ && q > 0 && specificity > bestSpecificity && best == null)) {
                best = offer;
                bestQ = q;
                bestSpecificity = specificity;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int matches(String range, String offer) {
        if (range.equals(offer)) {
            return 2;
        }
        if (range.equals("*/*")) {
            return 0;
        }
        if (range.endsWith("/*") && offer.startsWith(range.substring(0, range.length() - 1))) {
            return 1;
        }
        return -1;
    }
}
