package dev.rowan.examples.csv2xlsx.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the field delimiter from the first lines of a file.
 *
 * <p>The header (first record) anchors the guess: a candidate must occur in it, and the winner is the one
 * that occurs the same number of times in the most sampled records. Ties go to the higher count, then
 * to the order {@code , ; TAB |}. Quoted text is ignored, so a {@code ;} inside {@code "a;b"} does not
 * vote. A file with no candidate in its header is a one-column file and gets {@code ,}.
 */
final class Delimiters {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int MAX_SAMPLE_RECORDS = 50;

    private Delimiters() {
    }

    static boolean isCandidate(char c) {
        for (char candidate : CANDIDATES) {
            if (candidate == c) {
                return true;
            }
        }
        return false;
    }

    static String describe(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "TAB";
            case ',' -> "',' (comma)";
            case ';' -> "';' (semicolon)";
            case '|' -> "'|' (pipe)";
            default -> "'" + delimiter + "'";
        };
    }

    /**
     * @param sample    the first characters of the file
     * @param truncated true when the file continues after the sample, so its last record may be cut off
     */
    static char detect(CharSequence sample, boolean truncated) {
        List<CharSequence> records = records(sample, truncated);
        char best = ',';
        double bestAgreement = -1;
        int bestCount = 0;
        for (char candidate : CANDIDATES) {
            int headerCount = count(records.isEmpty() ? "" : records.getFirst(), candidate);
            if (headerCount == 0) {
                continue;
            }
            double agreement = agreement(records, candidate, headerCount);
            if (agreement > bestAgreement || (agreement == bestAgreement && headerCount > bestCount)) {
                best = candidate;
                bestAgreement = agreement;
                bestCount = headerCount;
            }
        }
        return best;
    }

    private static double agreement(List<CharSequence> records, char candidate, int headerCount) {
        int agreeing = 0;
        for (CharSequence record : records) {
            if (count(record, candidate) == headerCount) {
                agreeing++;
            }
        }
        return (double) agreeing / records.size();
    }

    /** Occurrences of {@code c} outside double quotes. */
    private static int count(CharSequence record, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char ch = record.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** Splits the sample into non-blank records; a line break inside quotes does not end a record. */
    private static List<CharSequence> records(CharSequence sample, boolean truncated) {
        List<CharSequence> records = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < sample.length() && records.size() < MAX_SAMPLE_RECORDS; i++) {
            char ch = sample.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if ((ch == '\n' || ch == '\r') && !quoted) {
                addIfNotBlank(records, sample.subSequence(start, i));
                start = i + 1;
            }
        }
        if (!truncated && records.size() < MAX_SAMPLE_RECORDS) {
            addIfNotBlank(records, sample.subSequence(start, sample.length()));
        }
        if (records.isEmpty() && sample.length() > 0) {
            // One long first line that fills the sample: it is all we have.
            records.add(sample);
        }
        return records;
    }

    private static void addIfNotBlank(List<CharSequence> records, CharSequence record) {
        if (!record.toString().isBlank()) {
            records.add(record);
        }
    }
}
