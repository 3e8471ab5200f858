package dev.rowan.templates;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EscapingTest {
    private static final String ATTACK = "<script>alert(\"x\")</script>";

    @TempDir
    Path dir;
    TemplateFiles files;

    @BeforeEach
    void setUp() {
        files = new TemplateFiles(dir);
    }

    private String render(String name, String source, Map<String, ?> model) {
        files.write(name, source);
        return files.builder().build().render(name, model);
    }

    @Test
    void scriptTagsAreEscapedInHtml() {
        assertThat(render("a.html", "{{ v }}", Map.of("v", ATTACK)))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    }

    @Test
    void quotesCannotBreakOutOfAttributes() {
        String out = render("a.html", "<a title=\"{{ v }}\" data-x='{{ v }}'>", Map.of("v", "\" onclick='evil()'"));
        assertThat(out).isEqualTo("<a title=\"&quot; onclick=&#39;evil()&#39;\" data-x='&quot; onclick=&#39;evil()&#39;'>");
    }

    @Test
    void ampersandIsEscaped() {
        assertThat(render("a.html", "{{ v }}", Map.of("v", "Tom & Jerry"))).isEqualTo("Tom &amp; Jerry");
    }

    @Test
    void unknownExtensionsAreEscapedAsHtml() {
        assertThat(render("report.weird", "{{ v }}", Map.of("v", ATTACK))).doesNotContain("<script>");
        assertThat(render("noextension", "{{ v }}", Map.of("v", ATTACK))).doesNotContain("<script>");
    }

    @Test
    void plainTextTemplatesAreNotEscaped() {
        assertThat(render("mail.txt", "{{ v }}", Map.of("v", "Tom & Jerry <tj@example.com>")))
                .isEqualTo("Tom & Jerry <tj@example.com>");
    }

    @Test
    void macroBodiesAreEscaped() {
        files.write("macros.html", "{% macro field(label, value) %}<label>{{ label }}</label>{{ value }}{% endmacro %}");
        String out = render("page.html", "{% import \"macros.html\" %}{{ field(v, v) }}", Map.of("v", ATTACK));
        assertThat(out).doesNotContain("<script>").contains("<label>&lt;script&gt;");
    }

    @Test
    void includedTemplatesAreEscaped() {
        files.write("part.html", "[{{ v }}]");
        assertThat(render("page.html", "{% include \"part.html\" %}", Map.of("v", ATTACK)))
                .isEqualTo("[&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;]");
    }

    @Test
    void includedTemplateWithExplicitVariablesIsEscaped() {
        files.write("part.html", "[{{ w }}]");
        assertThat(render("page.html", "{% include \"part.html\" with {\"w\": v} %}", Map.of("v", "<b>")))
                .isEqualTo("[&lt;b&gt;]");
    }

    @Test
    void rawAndSafeOptOut() {
        assertThat(render("a.html", "{{ v|raw }}|{{ v|safe }}", Map.of("v", "<b>bold</b>")))
                .isEqualTo("<b>bold</b>|<b>bold</b>");
    }

    @Test
    void safeHtmlValuesPrintAsIsEvenWhenNested() {
        record Widget(SafeHtml html) {
        }
        String out = render("a.html", "{{ top }}{{ w.html }}{{ list[0] }}",
                Map.of("top", SafeHtml.trusted("<i>1</i>"), "w", new Widget(SafeHtml.trusted("<i>2</i>")),
                        "list", List.of(SafeHtml.trusted("<i>3</i>"))));
        assertThat(out).isEqualTo("<i>1</i><i>2</i><i>3</i>");
    }

    @Test
    void stringConcatenationWithSafeHtmlIsEscapedAgain() {
        assertThat(render("a.html", "{{ top ~ v }}", Map.of("top", SafeHtml.trusted("<i>"), "v", "<b>")))
                .isEqualTo("&lt;i&gt;&lt;b&gt;");
    }

    @Test
    void autoescapeCanBeTurnedOffForABlockExplicitly() {
        assertThat(render("a.html", "{% autoescape false %}{{ v }}{% endautoescape %}", Map.of("v", "<b>")))
                .isEqualTo("<b>");
    }
}
