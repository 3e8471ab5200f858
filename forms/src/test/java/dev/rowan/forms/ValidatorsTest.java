package dev.rowan.forms;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.rowan.forms.Validators.decimalPlaces;
import static dev.rowan.forms.Validators.max;
import static dev.rowan.forms.Validators.maxLength;
import static dev.rowan.forms.Validators.min;
import static dev.rowan.forms.Validators.minLength;
import static dev.rowan.forms.Validators.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every validator, cleaning per field and per form, and the value accessors. */
class ValidatorsTest {
    private static List<String> errors(Field<?> field, String value) {
        return Form.of(field).bind(Map.of(field.name(), List.of(value))).errors().of(field);
    }

    @Test
    void lengths() {
        Field<String> f = Fields.text("t", minLength(2), maxLength(4));
        assertThat(errors(f, "ab")).isEmpty();
        assertThat(errors(f, "abcd")).isEmpty();
        assertThat(errors(f, "a")).containsExactly("Use at least 2 characters (it has 1).");
        assertThat(errors(f, "abcde")).containsExactly("Use at most 4 characters (it has 5).");
    }

    @Test
    void integerRange() {
        Field<Integer> f = Fields.integer("n", min(1), max(10));
        assertThat(errors(f, "1")).isEmpty();
        assertThat(errors(f, "10")).isEmpty();
        assertThat(errors(f, "0")).containsExactly("Enter a value of at least 1.");
        assertThat(errors(f, "11")).containsExactly("Enter a value of at most 10.");
    }

    @Test
    void decimalRangeAndPlaces() {
        Field<BigDecimal> f = Fields.decimal("p", min(new BigDecimal("0.01")), max(new BigDecimal("99.99")), decimalPlaces(2));
        assertThat(errors(f, "0.01")).isEmpty();
        assertThat(errors(f, "1.50")).isEmpty();
        assertThat(errors(f, "1.500")).isEmpty(); // trailing zeros are not precision
        assertThat(errors(f, "0.001")).containsExactly("Enter a value of at least 0.01.");
        assertThat(errors(f, "1.234")).containsExactly("Use at most 2 digits after the decimal point.");
        assertThat(errors(f, "100")).containsExactly("Enter a value of at most 99.99.");
    }

    @Test
    void regex() {
        Field<String> f = Fields.text("code", pattern("[A-Z]{3}-\\d{4}", "Use the form ABC-1234."));
        assertThat(errors(f, "ABC-1234")).isEmpty();
        assertThat(errors(f, "xABC-1234")).containsExactly("Use the form ABC-1234.");
    }

    @Test
    void customValidatorAndFieldClean() {
        Field<String> f = Fields.text("user", Validator.of((String s) -> !s.contains(" "), "Use no spaces."))
                .clean(s -> {
                    if (s.equalsIgnoreCase("admin")) {
                        throw new ValidationException("This name is reserved.");
                    }
                    return s.toLowerCase(Locale.ROOT);
                });
        assertThat(errors(f, "a b")).containsExactly("Use no spaces.");
        assertThat(errors(f, "Admin")).containsExactly("This name is reserved.");
        Form form = Form.of(f).bind(Map.of("user", List.of("Ada")));
        assertThat(form.value(f)).isEqualTo("ada");
        assertThat(form.cleanedData()).containsEntry("user", "ada");
    }

    @Test
    void validatorsDoNotRunOnEmptyOptionalFields() {
        Field<java.util.Optional<String>> f = Fields.text("t", minLength(3)).optional();
        assertThat(errors(f, "")).isEmpty();
        assertThat(errors(f, "ab")).hasSize(1);
    }

    static final Field<String> PASSWORD = Fields.password("password", minLength(8));
    static final Field<String> CONFIRM = Fields.password("confirm");

    static final class SignupForm extends Form {
        SignupForm() {
            super(PASSWORD, CONFIRM);
        }

        @Override
        protected void clean() {
            if (!value(PASSWORD).equals(value(CONFIRM))) {
                addError(CONFIRM, "The passwords differ.");
            }
            if (value(PASSWORD).equals("password")) {
                throw new ValidationException("Choose a less common password.");
            }
        }
    }

    @Test
    void formLevelCleanAddsFieldAndFormErrors() {
        SignupForm form = new SignupForm();
        form.bind(Map.of("password", List.of("password"), "confirm", List.of("passw0rd")));
        assertThat(form.isValid()).isFalse();
        assertThat(form.errors().of(CONFIRM)).containsExactly("The passwords differ.");
        assertThat(form.errors().form()).containsExactly("Choose a less common password.");
        assertThat(form.errors().asMap()).containsKeys("_form", "confirm");
        assertThat(form.find(CONFIRM)).isEmpty();
    }

    @Test
    void formLevelCleanRunsOnlyWhenEveryFieldIsValid() {
        SignupForm form = new SignupForm();
        form.bind(Map.of("password", List.of("short")));
        assertThat(form.errors().fields()).containsOnlyKeys("password", "confirm");
        assertThat(form.errors().form()).isEmpty();
    }

    @Test
    void cleanWithForFormsWithoutSubclass() {
        Form form = Form.of(PASSWORD, CONFIRM).cleanWith(f -> {
            if (!f.value(PASSWORD).equals(f.value(CONFIRM))) {
                f.addError("Mismatch.");
            }
        }).bind(Map.of("password", List.of("longenough"), "confirm", List.of("different!")));
        assertThat(form.errors().form()).containsExactly("Mismatch.");
    }

    @Test
    void valueBeforeValidationExplainsWhatToDo() {
        Form form = Form.of(PASSWORD);
        assertThatThrownBy(() -> form.value(PASSWORD)).hasMessageContaining("forms.E001").hasMessageContaining("bind");
        form.bind(Map.of());
        assertThatThrownBy(() -> form.value(PASSWORD)).hasMessageContaining("isValid");
        assertThatThrownBy(() -> form.value(Fields.text("other"))).hasMessageContaining("forms.E004");
    }

    @Test
    void addErrorAfterValidationMakesTheFormInvalid() {
        Form form = Form.of(CONFIRM).bind(Map.of("confirm", List.of("taken-name")));
        assertThat(form.isValid()).isTrue();
        form.addError(CONFIRM, "This name is taken.");
        assertThat(form.isValid()).isFalse();
        assertThat(form.field(CONFIRM).errorMessages()).containsExactly("This name is taken.");
    }
}
