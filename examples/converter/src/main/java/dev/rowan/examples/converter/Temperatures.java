package dev.rowan.examples.converter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses and converts temperatures. Plain Java, no web code, so the rules are easy to test.
 *
 * <p>Rounding: the conversion is computed as one exact fraction and rounded once to
 * {@value #DECIMALS} decimals with {@link RoundingMode#HALF_EVEN} (ties go to the even digit, so
 * rounding errors do not drift in one direction). 98.6 °F is exactly 37 °C; -40 is the same in both.
 *
 * <pre>{@code
 * Conversion c = Temperatures.convert("98.6", "F", "C");   // c.result() == 37.00
 * }</pre>
 */
public final class Temperatures {
    /** Decimals kept in a result. */
    public static final int DECIMALS = 2;
    /** The largest magnitude accepted, so a result still has two exact decimals as a JSON number. */
    public static final BigDecimal LIMIT = new BigDecimal("1e12");

    private static final int MAX_INPUT_LENGTH = 40;
    private static final int MAX_INPUT_DECIMALS = 20;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");

    private Temperatures() {
    }

    /**
     * Converts {@code value} (text as a user typed it) from one unit to another.
     *
     * @throws InvalidTemperatureException naming the field and what to type instead
     */
    public static Conversion convert(String value, String from, String to) {
        Unit fromUnit = unit("from", from);
        Unit toUnit = unit("to", to);
        BigDecimal number = number(value);
        Unit.Fraction kelvin = fromUnit.toKelvin(number);
        if (kelvin.numerator().signum() < 0) {
            throw new InvalidTemperatureException("value", value.strip() + " " + fromUnit.sign()
                    + " is below absolute zero (" + absoluteZero(fromUnit) + " " + fromUnit.sign() + "); nothing is colder.");
        }
        Unit.Fraction result = toUnit.fromKelvin(kelvin);
        BigDecimal rounded = result.numerator().divide(result.denominator(), DECIMALS, RoundingMode.HALF_EVEN);
        return new Conversion(number, fromUnit, toUnit, rounded);
    }

    /** Absolute zero in {@code unit}, e.g. -459.67 for Fahrenheit. */
    public static String absoluteZero(Unit unit) {
        Unit.Fraction f = unit.fromKelvin(new Unit.Fraction(BigDecimal.ZERO, BigDecimal.ONE));
        return f.numerator().divide(f.denominator(), DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static Unit unit(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTemperatureException(field, "Choose the unit to convert " + field + ": " + Unit.choices() + ".");
        }
        Optional<Unit> unit = Unit.parse(text);
        return unit.orElseThrow(() -> new InvalidTemperatureException(field,
                "Unknown unit '" + shorten(text) + "'; use one of " + Unit.choices() + "."));
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTemperatureException("value", "Enter a temperature, for example 98.6.");
        }
        String t = text.strip();
        if (t.length() > MAX_INPUT_LENGTH || !NUMBER.matcher(t).matches()) {
            throw new InvalidTemperatureException("value", "'" + shorten(t) + "' is not a number; type digits with an optional"
                    + " sign and decimal point, for example -40 or 98.6" + (looksInfinite(t) ? " (NaN and Infinity are not temperatures)." : "."));
        }
        BigDecimal n = new BigDecimal(t);
        // Checked before any arithmetic: 1e999 would be finite as a BigDecimal but is no temperature, and
        // 1e-9999 would make every later step carry thousands of digits.
        if (n.abs().compareTo(LIMIT) > 0) {
            throw new InvalidTemperatureException("value", "'" + shorten(t) + "' is too large; enter a number between -1000000000000 and 1000000000000.");
        }
        if (n.scale() > MAX_INPUT_DECIMALS) {
            n = n.setScale(MAX_INPUT_DECIMALS, java.math.RoundingMode.HALF_EVEN);
        }
        return n;
    }

    private static boolean looksInfinite(String t) {
        String l = t.toLowerCase(java.util.Locale.ROOT);
        return l.contains("nan") || l.contains("inf");
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
