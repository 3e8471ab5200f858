package dev.rowan.forms;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every text field refuses NUL and removes bidi controls before its own validation. */
class SafeTextTest {
    private static final String RLO = "\u202E";
    private static final String PDF = "\u202C";
    private static final String RLI = "\u2067";
    private static final String PDI = "\u2069";

    private static Form bound(Field<?> field, String value) {
        return Form.of(field).bind(Map.of(field.name(), List.of(value)));
    }

    @Test
    void everyTextFieldRefusesANulCharacterWithItsOwnMessage() {
        List<Field<?>> fields = List.of(Fields.text("title"), Fields.text("body").textarea(), Fields.text("t").hidden(),
                Fields.password("pw"), Fields.email("email"), Fields.url("site"), Fields.text("nick").optional(),
                Fields.text("kept").keepBidiControls(), Fields.integer("n"), Fields.date("d"));
        for (Field<?> field : fields) {
            Form form = bound(field, "ab\u0000cd");
            assertThat(form.isValid()).as(field.name()).isFalse();
            assertThat(form.errors().of(field)).as(field.name()).containsExactly(SafeText.NUL_MESSAGE);
        }
        assertThat(SafeText.NUL_MESSAGE).isEqualTo("Null characters (U+0000) are not allowed in text.");
    }

    @Test
    void aJsonObjectWhereAValueBelongsIsNamedAsSuch() {
        Form form = Form.of(Fields.text("title")).bindJson(Map.of("title", Map.of("a", 1)));
        assertThat(form.errors().fields().get("title")).containsExactly("Send a single value here, not a JSON object.");
    }

    @Test
    void bidiControlsAreRemovedFromTextEmailAndUrl() {
        Field<String> title = Fields.text("title");
        Form form = bound(title, "invoice" + RLO + "fdp.exe" + PDF + " and " + RLI + "שלום" + PDI);
        assertThat(form.value(title)).isEqualTo("invoicefdp.exe and שלום");
        Field<String> email = Fields.email("email");
        assertThat(bound(email, "ada" + RLO + "@example.com").value(email)).isEqualTo("ada@example.com");
        Field<String> url = Fields.url("site");
        assertThat(bound(url, "https://exa" + RLO + "mple.com").value(url)).isEqualTo("https://example.com");
    }

    @Test
    void validatorsSeeTheTextWithoutTheControls() {
        Field<String> code = Fields.text("code", Validators.maxLength(3));
        assertThat(bound(code, RLO + "abc" + PDF).value(code)).isEqualTo("abc");
    }

    @Test
    void textOfNothingButBidiControlsIsEmpty() {
        Field<String> title = Fields.text("title");
        assertThat(bound(title, RLO + PDF + " ").errors().of(title)).containsExactly("This field is required.");
    }

    @Test
    void marksUsedInRightToLeftTextStay() {
        Field<String> title = Fields.text("title");
        String withMarks = "10\u200F km \u200E";
        assertThat(bound(title, withMarks).value(title)).isEqualTo(withMarks.strip());
    }

    @Test
    void aFieldCanKeepTheControlsAndPasswordsKeepThem() {
        Field<String> kept = Fields.text("kept").keepBidiControls();
        assertThat(bound(kept, "a" + RLI + "b" + PDI).value(kept)).isEqualTo("a" + RLI + "b" + PDI);
        Field<String> pw = Fields.password("pw");
        assertThat(bound(pw, "se" + RLO + "cret").value(pw)).isEqualTo("se" + RLO + "cret");
        Field<java.util.Optional<String>> copied = kept.label("Kept").optional();
        assertThat(bound(copied, "x" + RLO).value(copied)).hasValue("x" + RLO);
    }

    @Test
    void theRulesAreUsableOutsideAForm() {
        assertThat(SafeText.clean("a" + RLO + "b")).isEqualTo("ab");
        assertThat(SafeText.clean("plain")).isEqualTo("plain");
        assertThatThrownBy(() -> SafeText.clean("a\u0000")).isInstanceOf(ValidationException.class)
                .hasMessage(SafeText.NUL_MESSAGE);
        for (int c = 0x202A; c <= 0x202E; c++) {
            assertThat(SafeText.isBidiControl(c)).isTrue();
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            assertThat(SafeText.isBidiControl(c)).isTrue();
        }
        assertThat(SafeText.isBidiControl(0x200E)).isFalse();
        assertThat(SafeText.isBidiControl(0x2029)).isFalse();
        assertThat(SafeText.isBidiControl(0x206A)).isFalse();
    }
}
