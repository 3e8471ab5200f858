package dev.rowan.examples.csv2xlsx.convert;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TypedCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-7", "-0", "999999999999999", "-999999999999999"})
    void integersOfUpToFifteenDigitsAreLongs(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(Long.parseLong(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "-0.5", "3.14", "12345678901234.5", "0.000000000000000000123", "100.000000000000000000"})
    void decimalsOfUpToFifteenSignificantDigitsAreDoubles(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(Double.parseDouble(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"007", "-01", "00.5", "1000000000000000", "1234567890123.456", "1.", ".5", "-", "-.5",
            "1e3", "1E3", "+1", "1_000", "1,5", "1.2.3", "١٢٣", "0x10", "NaN", "Infinity", " 1", "1 "})
    void otherNumberLikeFieldsStayText(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "false", "FALSE"})
    void trueAndFalseInAnyCaseAreBooleans(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(Boolean.parseBoolean(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1 ", "t", "f", "truee"})
    void otherWordsStayText(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-03-01", "2024-02-29", "9999-12-31"})
    void isoDatesAreDates(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(LocalDate.parse(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59", "2024-02-29 23:59", "2024-02-29T23:59:58", "2024-02-29 00:00:00"})
    void isoDateTimesAreDateTimes(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(LocalDateTime.parse(field.replace(' ', 'T')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-00-10", "1900-02-28", "0001-01-01", "2024-1-01",
            "2024/01/01", "01.02.2024", "2024-01-01T24:00", "2024-01-01T10:60", "2024-01-01T10:00:60",
            "2024-01-01T10:00Z", "2024-01-01T10:00:00.5", "2024-01-01X10:00"})
    void impossibleOrUnsupportedDatesStayText(String field) {
        assertThat(TypedCells.classify(field)).isEqualTo(field);
    }
}
