package dev.rowan.forms;

import dev.rowan.templates.Templates;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rowan.forms.Validators.maxLength;
import static dev.rowan.forms.Validators.min;
import static org.assertj.core.api.Assertions.assertThat;

/** HTML of widgets, labels and errors; escaping of every user- or developer-supplied string. */
class RenderingTest {
    static final Field<String> TITLE = Fields.text("title", maxLength(200)).help("Keep it short");
    static final String EVIL = "\"><script>alert('x')</script>&";
    static final String EVIL_ESCAPED = "&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;";

    @Test
    void widgetsForEveryType() {
        Form form = Form.of(TITLE, Fields.email("email"), Fields.url("site").optional(), Fields.integer("n", min(0)),
                Fields.decimal("price", Validators.decimalPlaces(2)), Fields.checkbox("ok"),
                Fields.choice("size", Choice.of("s", "Small")).optional(),
                Fields.multipleChoice("tags", Choice.of("a", "A")), Fields.date("d"), Fields.dateTime("at"),
                Fields.file("upload"), Fields.password("pw"), Fields.text("body").textarea(), Fields.text("ref").hidden());
        Map<String, BoundField> f = form.fields();
        assertThat(f.get("title").widget().html())
                .isEqualTo("<input type=\"text\" name=\"title\" id=\"id_title\" maxlength=\"200\" required aria-describedby=\"id_title_helptext\">");
        assertThat(f.get("email").widget().html()).isEqualTo("<input type=\"email\" name=\"email\" id=\"id_email\" required>");
        assertThat(f.get("site").widget().html()).isEqualTo("<input type=\"url\" name=\"site\" id=\"id_site\">");
        assertThat(f.get("n").widget().html()).isEqualTo("<input type=\"number\" name=\"n\" id=\"id_n\" min=\"0\" required>");
        assertThat(f.get("price").widget().html()).isEqualTo("<input type=\"number\" name=\"price\" id=\"id_price\" step=\"0.01\" required>");
        assertThat(f.get("ok").widget().html()).isEqualTo("<input type=\"checkbox\" name=\"ok\" id=\"id_ok\">");
        assertThat(f.get("size").widget().html()).isEqualTo("<select name=\"size\" id=\"id_size\"><option value=\"\">---------</option>"
                + "<option value=\"s\">Small</option></select>");
        assertThat(f.get("tags").widget().html()).isEqualTo("<select name=\"tags\" id=\"id_tags\" required multiple>"
                + "<option value=\"a\">A</option></select>");
        assertThat(f.get("d").widget().html()).isEqualTo("<input type=\"date\" name=\"d\" id=\"id_d\" required>");
        assertThat(f.get("at").widget().html()).isEqualTo("<input type=\"datetime-local\" name=\"at\" id=\"id_at\" required>");
        assertThat(f.get("upload").widget().html()).isEqualTo("<input type=\"file\" name=\"upload\" id=\"id_upload\" required>");
        assertThat(f.get("pw").widget().html()).isEqualTo("<input type=\"password\" name=\"pw\" id=\"id_pw\" required>");
        assertThat(f.get("body").widget().html()).isEqualTo("<textarea name=\"body\" id=\"id_body\" required>\n</textarea>");
        assertThat(f.get("ref").html()).isEqualTo("<input type=\"hidden\" name=\"ref\" id=\"id_ref\">");
    }

    @Test
    void labelsAndRows() {
        Form form = Form.of(TITLE);
        assertThat(form.field(TITLE).label().html()).isEqualTo("<label for=\"id_title\">Title</label>");
        assertThat(form.html()).isEqualTo("<div class=\"field\"><label for=\"id_title\">Title</label>"
                + form.field(TITLE).widget().html() + "<div class=\"helptext\" id=\"id_title_helptext\">Keep it short</div></div>");
    }

    @Test
    void submittedValuesAndErrorsAreShownEscaped() {
        Field<Integer> n = Fields.integer("n");
        Form form = Form.of(TITLE, n).bind(Map.of("title", List.of(EVIL), "n", List.of(EVIL)));
        assertThat(form.field(TITLE).widget().html()).contains("value=\"" + EVIL_ESCAPED + "\"").doesNotContain("<script>");
        assertThat(form.field(n).widget().html()).contains("aria-invalid=\"true\" aria-describedby=\"id_n_errors\"");
        assertThat(form.field(n).errors().html()).isEqualTo("<ul class=\"errorlist\" id=\"id_n_errors\"><li>Enter a whole number.</li></ul>");
        assertThat(form.html()).contains("<div class=\"field invalid\">");
    }

    @Test
    void labelsHelpChoicesAttributesAndMessagesAreEscaped() {
        Field<String> f = Fields.choice("c", Choice.of(EVIL, EVIL)).label(EVIL).help(EVIL).attr("placeholder", EVIL);
        Form form = Form.of(f).bind(Map.of("c", List.of("nope")));
        form.addError(EVIL);
        String html = form.html();
        assertThat(html).doesNotContain("<script>").doesNotContain("'x'");
        assertThat(html).contains("<label for=\"id_c\">" + EVIL_ESCAPED + "</label>")
                .contains("placeholder=\"" + EVIL_ESCAPED + "\"")
                .contains("<option value=\"" + EVIL_ESCAPED + "\">" + EVIL_ESCAPED + "</option>")
                .contains("<ul class=\"errorlist nonfield\" id=\"id_form_errors\"><li>" + EVIL_ESCAPED + "</li></ul>");
    }

    @Test
    void textareaKeepsALeadingNewlineAndEscapesItsText() {
        Field<String> body = Fields.text("body").textarea();
        Form form = Form.of(body).bind(Map.of("body", List.of("\n</textarea><b>")));
        assertThat(form.field(body).widget().html()).isEqualTo(
                "<textarea name=\"body\" id=\"id_body\" required>\n\n&lt;/textarea&gt;&lt;b&gt;</textarea>");
    }

    @Test
    void initialValuesAreShownUntilBound() {
        Field<LocalDate> d = Fields.date("d");
        Field<LocalDateTime> at = Fields.dateTime("at");
        Field<Boolean> ok = Fields.checkbox("ok").initial(true);
        Field<List<String>> tags = Fields.multipleChoice("tags", Choice.of("a", "A"), Choice.of("b", "B"));
        Field<Optional<String>> nick = Fields.text("nick").optional().initial(Optional.of("ada"));
        Form form = Form.of(d, at, ok, tags, nick).initial(d, LocalDate.of(2026, 1, 2))
                .initial(Map.of("at", LocalDateTime.of(2026, 1, 2, 3, 4), "tags", List.of("b"), "unknown", 1));
        assertThat(form.field(d).value()).isEqualTo("2026-01-02");
        assertThat(form.field(at).value()).isEqualTo("2026-01-02T03:04");
        assertThat(form.field(ok).widget().html()).endsWith(" checked>");
        assertThat(form.field(tags).widget().html()).contains("<option value=\"b\" selected>B</option>")
                .contains("<option value=\"a\">A</option>");
        assertThat(form.field(nick).value()).isEqualTo("ada");
        form.bind(Map.of("nick", List.of("bob")));
        assertThat(form.field(nick).value()).isEqualTo("bob");
        assertThat(form.field(ok).widget().html()).doesNotContain("checked");
    }

    @Test
    void passwordsAreNeverShownAgain() {
        Field<String> pw = Fields.password("pw");
        Form form = Form.of(pw).bind(Map.of("pw", List.of("secret")));
        assertThat(form.field(pw).widget().html()).doesNotContain("secret");
    }

    @Test
    void templatesPrintFormsWithoutDoubleEscapingAndLayOutByHand() throws Exception {
        Path dir = Files.createTempDirectory("forms-templates");
        Files.writeString(dir.resolve("whole.html"), "{{ form }}");
        Files.writeString(dir.resolve("hand.html"), "<p>{{ form.fields.title.label }} {{ form.fields.title.widget }}</p>"
                + "{{ form.fields.title.errors }}|{{ form.fields.title.labelText }}|{{ form.fields.title.value }}");
        Templates templates = Templates.builder().classpath(false).folder(dir).build();
        Form form = Form.of(TITLE.label("<T>")).bind(Map.of("title", List.of("x".repeat(201) + "<")));
        assertThat(templates.render("whole.html", Map.of("form", form))).isEqualTo(form.html());
        String hand = templates.render("hand.html", Map.of("form", form));
        assertThat(hand).startsWith("<p><label for=\"id_title\">&lt;T&gt;</label> <input type=\"text\"")
                .contains("<ul class=\"errorlist\" id=\"id_title_errors\"><li>Use at most 200 characters (it has 202).</li></ul>")
                .contains("|&lt;T&gt;|" + "x".repeat(201) + "&lt;");
    }
}
