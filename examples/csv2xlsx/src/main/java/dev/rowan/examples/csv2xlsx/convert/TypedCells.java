package dev.rowan.examples.csv2xlsx.convert;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Decides, cell by cell, what a CSV field becomes in the workbook. The rules are strict on purpose: a
 * spreadsheet that silently changes data (drops the leading zero of a zip code, rounds a 16-digit card or
 * account number, turns a part number like {@code 1E5} into 100000) is worse than one with text cells.
 *
 * <ul>
 *   <li>Integer: {@code -?digits} with no leading zero (a lone {@code 0} is fine) and at most 15 digits.</li>
 *   <li>Decimal: {@code -?digits.digits}, same leading-zero rule, at most 15 significant digits.
 *       No exponent, no thousands separator, no decimal comma, no {@code +}, no surrounding spaces.</li>
 *   <li>Boolean: {@code true} or {@code false}, any letter case.</li>
 *   <li>Date: {@code yyyy-MM-dd}; date-time: {@code yyyy-MM-ddTHH:mm} or {@code yyyy-MM-ddTHH:mm:ss}
 *       ({@code T} or a space); must be a real calendar date from 1900-03-01 (where Excel's date
 *       arithmetic becomes reliable) to 9999-12-31; no zone offset.</li>
 *   <li>Anything else is text, exactly as in the file.</li>
 * </ul>
 *
 * Why 15: Excel keeps 15 significant decimal digits; more would be silently changed.
 */
final class TypedCells {

    static final int EXCEL_DIGITS = 15;
    private static final LocalDate FIRST_RELIABLE_DATE = LocalDate.of(1900, 3, 1);

    private TypedCells() {
    }

    /** Returns a Long, Double, Boolean, LocalDate or LocalDateTime, or the field itself when it stays text. */
    static Object classify(String field) {
        char first = field.charAt(0);
        if (first == '-' || isDigit(first)) {
            Object number = number(field);
            if (number != null) {
                return number;
            }
            Object temporal = first == '-' ? null : temporal(field);
            return temporal != null ? temporal : field;
        }
        if (field.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (field.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return field;
    }

    private static Object number(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        int dot = -1;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (!isDigit(c)) {
                return null;
            }
        }
        int intEnd = dot < 0 ? s.length() : dot;
        boolean hasInt = intEnd > start;
        boolean leadingZero = intEnd - start > 1 && s.charAt(start) == '0';
        if (!hasInt || leadingZero || dot == s.length() - 1) {
            return null;
        }
        if (dot < 0) {
            return intEnd - start <= EXCEL_DIGITS ? Long.parseLong(s) : null;
        }
        return significantDigits(s, start, dot) <= EXCEL_DIGITS ? Double.parseDouble(s) : null;
    }

    private static int significantDigits(String s, int start, int dot) {
        int first = start;
        while (first < s.length() && (s.charAt(first) == '0' || s.charAt(first) == '.')) {
            first++;
        }
        int last = s.length() - 1;
        while (last > dot && s.charAt(last) == '0') {
            last--;
        }
        if (last == dot) {
            last--;
        }
        if (first > last) {
            return 0;
        }
        int digits = last - first + 1;
        return first < dot && dot < last ? digits - 1 : digits;
    }

    private static Object temporal(String s) {
        int len = s.length();
        if (len != 10 && len != 16 && len != 19) {
            return null;
        }
        LocalDate date = date(s);
        if (date == null || date.isBefore(FIRST_RELIABLE_DATE)) {
            return null;
        }
        if (len == 10) {
            return date;
        }
        LocalTime time = time(s);
        return time == null ? null : LocalDateTime.of(date, time);
    }

    private static LocalDate date(String s) {
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return null;
        }
        try {
            return LocalDate.of(parse(s, 0, 4), parse(s, 5, 7), parse(s, 8, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime time(String s) {
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != ' ') || !digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)) {
            return null;
        }
        boolean seconds = s.length() == 19;
        if (seconds && (s.charAt(16) != ':' || !digits(s, 17, 19))) {
            return null;
        }
        try {
            return LocalTime.of(parse(s, 11, 13), parse(s, 14, 16), seconds ? parse(s, 17, 19) : 0);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int parse(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
