package dev.rowan.forms;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversion, required/optional and error messages of every field type. */
class FieldsTest {
    enum Level { LOW, HIGH_PRIORITY }

    private static <T> Form bound(Field<T> field, String... values) {
        return Form.of(field).bind(Map.of(field.name(), List.of(values)));
    }

    private static <T> T clean(Field<T> field, String... values) {
        Form form = bound(field, values);
        assertThat(form.errors().all()).isEmpty();
        return form.value(field);
    }

    private static List<String> errors(Field<?> field, String... values) {
        return bound(field, values).errors().of(field);
    }

    @Test
    void textIsStrippedAndRequired() {
        Field<String> f = Fields.text("title");
        assertThat(clean(f, "  Hi  ")).isEqualTo("Hi");
        assertThat(errors(f)).containsExactly("This field is required.");
        assertThat(errors(f, "   ")).containsExactly("This field is required.");
    }

    @Test
    void optionalGivesEmptyAndFallbackGivesTheFallback() {
        assertThat(clean(Fields.text("nick").optional())).isEmpty();
        assertThat(clean(Fields.text("nick").optional(), "ada")).hasValue("ada");
        assertThat(clean(Fields.integer("page").optional(1))).isEqualTo(1);
        assertThat(clean(Fields.integer("page").optional(1), "3")).isEqualTo(3);
        assertThat(errors(Fields.integer("page").optional(), "x")).containsExactly("Enter a whole number.");
    }

    @Test
    void email() {
        Field<String> f = Fields.email("email");
        assertThat(clean(f, " ada@example.com ")).isEqualTo("ada@example.com");
        assertThat(clean(f, "zoë@bücher.de")).isEqualTo("zoë@bücher.de");
        for (String bad : List.of("ada", "ada@", "@example.com", "ada@example", "a b@example.com", "<a>@example.com",
                "ada@example.com@x.org", "a".repeat(250) + "@example.com")) {
            assertThat(errors(f, bad)).as(bad).containsExactly("Enter a valid e-mail address.");
        }
    }

    @Test
    void url() {
        Field<String> f = Fields.url("site");
        assertThat(clean(f, "https://example.com/a?b=c")).isEqualTo("https://example.com/a?b=c");
        assertThat(clean(f, "example.com")).isEqualTo("http://example.com");
        assertThat(clean(f, "http://localhost:8000/")).isEqualTo("http://localhost:8000/");
        for (String bad : List.of("javascript:alert(1)", "ftp://example.com", "http://", "http://exa mple.com", "http://nodot")) {
            assertThat(errors(f, bad)).as(bad).containsExactly("Enter a valid URL.");
        }
    }

    @Test
    void integer() {
        Field<Integer> f = Fields.integer("n");
        assertThat(clean(f, "42")).isEqualTo(42);
        assertThat(clean(f, "-7")).isEqualTo(-7);
        assertThat(clean(f, "+7")).isEqualTo(7);
        for (String bad : List.of("4.2", "abc", "1e3", "0x10", "NaN", "1 000")) {
            assertThat(errors(f, bad)).as(bad).containsExactly("Enter a whole number.");
        }
        assertThat(errors(f, "9999999999")).singleElement().asString().contains("between");
    }

    @Test
    void decimalIsExact() {
        Field<BigDecimal> f = Fields.decimal("price");
        assertThat(clean(f, "0.10")).isEqualByComparingTo("0.1").hasToString("0.10");
        assertThat(clean(f, ".5")).isEqualByComparingTo("0.5");
        for (String bad : List.of("1e5", "NaN", "Infinity", "1,5", "abc", "1.2.3")) {
            assertThat(errors(f, bad)).as(bad).containsExactly("Enter a number.");
        }
    }

    @Test
    void checkboxIsFalseWhenAbsentAndCanBeRequiredToBeTicked() {
        Field<Boolean> f = Fields.checkbox("subscribe");
        assertThat(clean(f)).isFalse();
        assertThat(clean(f, "on")).isTrue();
        assertThat(clean(f, "false")).isFalse();
        Field<Boolean> terms = Fields.checkbox("terms", Validators.checked("Accept the terms to continue."));
        assertThat(Form.of(terms).bind(Map.of()).errors().of(terms)).containsExactly("Accept the terms to continue.");
        assertThat(errors(terms, "false")).containsExactly("Accept the terms to continue.");
        assertThat(errors(terms, "on")).isEmpty();
    }

    @Test
    void choice() {
        Field<String> f = Fields.choice("size", Choice.of("s", "Small"), Choice.of("l", "Large"));
        assertThat(clean(f, "l")).isEqualTo("l");
        assertThat(errors(f, "xl")).singleElement().asString().contains("'xl' is not one of the options");
        assertThat(errors(f)).containsExactly("This field is required.");
    }

    @Test
    void enumChoice() {
        Field<Level> f = Fields.choice("level", Level.class);
        assertThat(clean(f, "HIGH_PRIORITY")).isEqualTo(Level.HIGH_PRIORITY);
        assertThat(f.choices()).contains(Choice.of("HIGH_PRIORITY", "High priority"));
        assertThat(errors(f, "high_priority")).hasSize(1);
    }

    @Test
    void multipleChoice() {
        Field<List<String>> f = Fields.multipleChoice("tags", Choice.of("a", "A"), Choice.of("b", "B"));
        assertThat(clean(f, "b", "a", "b")).containsExactly("b", "a");
        assertThat(errors(f, "a", "z")).hasSize(1);
        assertThat(errors(f)).containsExactly("This field is required.");
        assertThat(clean(f.optional(List.of()))).isEmpty();
    }

    @Test
    void date() {
        Field<LocalDate> f = Fields.date("due");
        assertThat(clean(f, "2026-03-31")).isEqualTo(LocalDate.of(2026, 3, 31));
        for (String bad : List.of("2026-02-30", "31/03/2026", "2026-3-1", "tomorrow")) {
            assertThat(errors(f, bad)).as(bad).containsExactly("Enter a valid date (YYYY-MM-DD).");
        }
        assertThat(clean(f.optional())).isEqualTo(Optional.empty());
    }

    @Test
    void dateTime() {
        Field<LocalDateTime> f = Fields.dateTime("at");
        assertThat(clean(f, "2026-03-31T14:30")).isEqualTo(LocalDateTime.of(2026, 3, 31, 14, 30));
        assertThat(clean(f, "2026-03-31 14:30:15")).isEqualTo(LocalDateTime.of(2026, 3, 31, 14, 30, 15));
        assertThat(errors(f, "2026-03-31")).hasSize(1);
        assertThat(errors(f, "2026-03-31T25:00")).hasSize(1);
    }

    @Test
    void labelsDefaultToTheHumanizedName() {
        assertThat(Fields.text("pub_date").label()).isEqualTo("Pub date");
        assertThat(Fields.text("pub_date").label("Published").label()).isEqualTo("Published");
    }

    @Test
    void badNamesAndDuplicateNamesFailAtDeclaration() {
        assertThatThrownBy(() -> Fields.text("a b")).hasMessageContaining("forms.E002");
        assertThatThrownBy(() -> Form.of(Fields.text("a"), Fields.integer("a"))).hasMessageContaining("forms.E003");
    }
}
