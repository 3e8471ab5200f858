package dev.rowan.examples.converter;

import java.math.BigDecimal;

/**
 * One finished conversion: the input as given and the result rounded to {@link Temperatures#DECIMALS} decimals.
 *
 * <pre>{@code
 * Conversion c = Temperatures.convert("-40", "C", "F");
 * c.display();   // "-40 °C = -40 °F"; kelvin has no degree sign: "0 °C = 273.15 K"
 * }</pre>
 */
public record Conversion(BigDecimal value, Unit from, Unit to, BigDecimal result) {

    /** The shape of the JSON API's answer: {@code {"value":98.6,"from":"F","to":"C","result":37.0}}. */
    public record Json(double value, String from, String to, double result) {
    }

    public Json toJson() {
        return new Json(value.doubleValue(), from.symbol(), to.symbol(), result.doubleValue());
    }

    /** The result without trailing zeros, e.g. {@code 37} or {@code 37.78}. */
    public String resultText() {
        return plain(result);
    }

    public String valueText() {
        return plain(value);
    }

    public String display() {
        return valueText() + " " + from.sign() + " = " + resultText() + " " + to.sign();
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
