package dev.rowan.examples.converter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemperaturesTest {

    @ParameterizedTest
    @CsvSource({
            "98.6, F, C, 37.00",
            "-40, C, F, -40.00",
            "-40, F, C, -40.00",
            "0, C, F, 32.00",
            "100, C, F, 212.00",
            "0, K, C, -273.15",
            "0, K, F, -459.67",
            "-459.67, F, K, 0.00",
            "212, F, K, 373.15",
            "25, C, C, 25.00",
            "100, F, C, 37.78",      // 37.777…
            "1, F, C, -17.22",       // -17.222…
            "0.01, C, F, 32.02",     // 32.018
    })
    void convertsExactlyAndRoundsOnce(String value, String from, String to, String expected) {
        assertThat(Temperatures.convert(value, from, to).result()).isEqualByComparingTo(expected);
    }

    @Test
    void roundsTiesToEven() {
        // 0.025 °C is exactly 32.045 °F: a tie that goes to the even 32.04 (half-up would give 32.05).
        assertThat(Temperatures.convert("0.025", "C", "F").result()).isEqualByComparingTo("32.04");
        // 0.075 °C is exactly 32.135 °F: the tie goes up, to the even 32.14.
        assertThat(Temperatures.convert("0.075", "C", "F").result()).isEqualByComparingTo("32.14");
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "F", "fahrenheit", "FAHRENHEIT", " F "})
    void unitsAreCaseInsensitive(String unit) {
        assertThat(Temperatures.convert("98.6", unit, "c").to()).isEqualTo(Unit.CELSIUS);
        assertThat(Temperatures.convert("98.6", unit, "c").from()).isEqualTo(Unit.FAHRENHEIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "NaN", "Infinity", "-Infinity", "1e999", "1,5", "0x10", "1d", "--1", "1e-99999", "12.3.4"})
    void rejectsWhatIsNotAFiniteNumber(String value) {
        assertThatThrownBy(() -> Temperatures.convert(value, "C", "F"))
                .isInstanceOf(InvalidTemperatureException.class)
                .satisfies(e -> assertThat(((InvalidTemperatureException) e).field()).isEqualTo("value"));
    }

    @Test
    void namesNaNAndInfinityInTheMessage() {
        assertThatThrownBy(() -> Temperatures.convert("NaN", "C", "F")).hasMessageContaining("NaN and Infinity are not temperatures");
    }

    @Test
    void tooLargeNumbersAreRefusedBeforeAnyArithmetic() {
        assertThatThrownBy(() -> Temperatures.convert("1e13", "C", "F")).hasMessageContaining("too large");
        assertThat(Temperatures.convert("1e12", "C", "K").result()).isEqualByComparingTo(new BigDecimal("1000000000273.15"));
    }

    @ParameterizedTest
    @CsvSource({"-273.16, C, -273.16 °C, -273.15 °C", "-459.68, F, -459.68 °F, -459.67 °F", "-0.01, K, -0.01 K, 0 K"})
    void belowAbsoluteZeroIsRefused(String value, String unit, String typed, String zero) {
        assertThatThrownBy(() -> Temperatures.convert(value, unit, "K"))
                .isInstanceOf(InvalidTemperatureException.class)
                .hasMessageStartingWith(typed + " is below absolute zero (" + zero + ")");
    }

    @Test
    void kelvinIsWrittenWithoutADegreeSign() {
        assertThat(Temperatures.convert("0", "C", "K").display()).isEqualTo("0 °C = 273.15 K");
        assertThat(Temperatures.convert("300", "K", "F").display()).isEqualTo("300 K = 80.33 °F");
        assertThat(Unit.KELVIN.sign()).isEqualTo("K");
        assertThat(Unit.CELSIUS.sign()).isEqualTo("°C");
    }

    @Test
    void absoluteZeroItselfIsFine() {
        assertThat(Temperatures.convert("-273.15", "C", "K").result()).isEqualByComparingTo("0");
    }

    @Test
    void unknownUnitNamesTheValidOnes() {
        assertThatThrownBy(() -> Temperatures.convert("1", "X", "C"))
                .hasMessage("Unknown unit 'X'; use one of C (Celsius), F (Fahrenheit), K (Kelvin).")
                .satisfies(e -> assertThat(((InvalidTemperatureException) e).field()).isEqualTo("from"));
        assertThatThrownBy(() -> Temperatures.convert("1", "C", ""))
                .satisfies(e -> assertThat(((InvalidTemperatureException) e).field()).isEqualTo("to"));
    }
}
