package dev.rowan.examples.converter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A temperature scale. Each one is an exact affine map to and from kelvin, written with small integer
 * denominators so a conversion is one exact fraction that is rounded once (see {@link Temperatures}).
 *
 * <pre>{@code
 * Unit.parse("f")   // Optional[FAHRENHEIT]
 * }</pre>
 */
public enum Unit {
    CELSIUS("C", "Celsius"),
    FAHRENHEIT("F", "Fahrenheit"),
    KELVIN("K", "Kelvin");

    private static final BigDecimal ZERO_C_IN_K = new BigDecimal("273.15");
    private static final BigDecimal ZERO_F_IN_K_TIMES_9 = new BigDecimal("2298.35"); // 459.67 × 5
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal NINE = BigDecimal.valueOf(9);

    private final String symbol;
    private final String label;

    Unit(String symbol, String label) {
        this.symbol = symbol;
        this.label = label;
    }

    /** The one-letter symbol, e.g. {@code F}. */
    public String symbol() {
        return symbol;
    }

    /**
     * How a value in this unit is written after the number: {@code °C}, {@code °F}, but {@code K}, since
     * the kelvin is an absolute unit and has had no degree sign since 1967 (SI, 13th CGPM).
     */
    public String sign() {
        return this == KELVIN ? symbol : "°" + symbol;
    }

    /** The full name, e.g. {@code Fahrenheit}. */
    public String label() {
        return label;
    }

    /** The unit for a symbol or name in any case ({@code c}, {@code F}, {@code kelvin}); empty if unknown. */
    public static Optional<Unit> parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(u -> u.symbol.equals(t) || u.label.toUpperCase(Locale.ROOT).equals(t))
                .findFirst();
    }

    /** "C (Celsius), F (Fahrenheit), K (Kelvin)": what an error message offers instead. */
    public static String choices() {
        return Arrays.stream(values()).map(u -> u.symbol + " (" + u.label + ")").collect(Collectors.joining(", "));
    }

    /** {@code value} in this unit as kelvin, kept as an exact fraction. */
    Fraction toKelvin(BigDecimal value) {
        return switch (this) {
            case KELVIN -> new Fraction(value, BigDecimal.ONE);
            case CELSIUS -> new Fraction(value.add(ZERO_C_IN_K), BigDecimal.ONE);
            // K = (F − 32) × 5/9 + 273.15 = (5F + 2298.35) / 9
            case FAHRENHEIT -> new Fraction(value.multiply(FIVE).add(ZERO_F_IN_K_TIMES_9), NINE);
        };
    }

    /** {@code kelvin} expressed in this unit, still exact. */
    Fraction fromKelvin(Fraction kelvin) {
        return switch (this) {
            case KELVIN -> kelvin;
            case CELSIUS -> new Fraction(kelvin.numerator().subtract(ZERO_C_IN_K.multiply(kelvin.denominator())), kelvin.denominator());
            // F = K × 9/5 − 459.67 = (9K − 2298.35) / 5
            case FAHRENHEIT -> new Fraction(kelvin.numerator().multiply(NINE).subtract(ZERO_F_IN_K_TIMES_9.multiply(kelvin.denominator())),
                    kelvin.denominator().multiply(FIVE));
        };
    }

    /** An exact value {@code numerator / denominator}; the denominator is always positive. */
    record Fraction(BigDecimal numerator, BigDecimal denominator) {
    }
}
