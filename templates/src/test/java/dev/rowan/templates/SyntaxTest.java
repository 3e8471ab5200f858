package dev.rowan.templates;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jinja-style features templates rely on, as Pebble provides them. */
class SyntaxTest {
    @TempDir
    Path dir;
    TemplateFiles files;

    @BeforeEach
    void setUp() {
        files = new TemplateFiles(dir);
    }

    @Test
    void extendsReplacesBlocksAndKeepsTheRest() {
        files.write("base.html", "<title>{% block title %}Site{% endblock %}</title><main>{% block body %}{% endblock %}</main>")
                .write("page.html", "{% extends \"base.html\" %}{% block body %}Hi {{ name }}{% endblock %}");
        assertThat(files.builder().build().render("page.html", Map.of("name", "Ada")))
                .isEqualTo("<title>Site</title><main>Hi Ada</main>");
    }

    @Test
    void parentFunctionKeepsTheParentsBlock() {
        files.write("base.html", "{% block title %}Site{% endblock %}")
                .write("page.html", "{% extends \"base.html\" %}{% block title %}Polls · {{ parent() }}{% endblock %}");
        assertThat(files.builder().build().render("page.html", Map.of())).isEqualTo("Polls · Site");
    }

    @Test
    void includeSeesTheModel() {
        files.write("partials/item.html", "<li>{{ item }}</li>")
                .write("list.html", "<ul>{% for item in items %}{% include \"partials/item.html\" %}{% endfor %}</ul>");
        assertThat(files.builder().build().render("list.html", Map.of("items", List.of("a", "b"))))
                .isEqualTo("<ul><li>a</li><li>b</li></ul>");
    }

    @Test
    void relativeIncludeResolvesAgainstTheIncludingTemplate() {
        files.write("polls/_row.html", "row")
                .write("polls/index.html", "{% include \"./_row.html\" %}");
        assertThat(files.builder().build().render("polls/index.html", Map.of())).isEqualTo("row");
    }

    @Test
    void macrosFromAnotherFile() {
        files.write("forms.html", "{% macro input(name, value=\"\") %}<input name=\"{{ name }}\" value=\"{{ value }}\">{% endmacro %}")
                .write("page.html", "{% from \"forms.html\" import input %}{{ input(\"q\", \"x\") }}");
        assertThat(files.builder().build().render("page.html", Map.of()))
                .isEqualTo("<input name=\"q\" value=\"x\">");
    }

    @Test
    void builtInFiltersAndConditionals() {
        files.write("f.html", "{{ name|title }} {{ missing|default(\"-\") }} {{ items|length }} {% if items is empty %}none{% else %}some{% endif %}");
        assertThat(files.builder().build().render("f.html", Map.of("name", "ada lovelace", "items", List.of(1))))
                .isEqualTo("Ada Lovelace - 1 some");
    }

    @Test
    void customFilterWithArguments() {
        files.write("f.html", "{{ name|wrap(\"[\", \"]\") }} {{ missing|wrap(\"(\", \")\") }}");
        Templates templates = files.builder()
                .filter("wrap", (input, args) -> args.get(0) + String.valueOf(input) + args.get(1))
                .build();
        assertThat(templates.render("f.html", Map.of("name", "<x>"))).isEqualTo("[&lt;x&gt;] ()");
    }

    @Test
    void undefinedVariablesPrintNothing() {
        files.write("u.html", "[{{ nothing }}][{{ user.name }}]");
        assertThat(files.builder().build().render("u.html", Map.of())).isEqualTo("[][]");
    }

    @Test
    void newlinesAfterTagsAreKeptAsInJinja() {
        files.write("t.txt", "Hi {{ name }}\nBye\n{% if true %}\nyes\n{% endif %}\n");
        assertThat(files.builder().build().render("t.txt", Map.of("name", "Ada")))
                .isEqualTo("Hi Ada\nBye\n\nyes\n\n");
    }

    @Test
    void whitespaceControlTrimsExplicitly() {
        files.write("t.txt", "<ul>\n  {%- for i in items %}\n  <li>{{ i }}</li>\n  {%- endfor %}\n</ul>");
        assertThat(files.builder().build().render("t.txt", Map.of("items", List.of(1, 2))))
                .isEqualTo("<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>");
    }
}
