package dev.rowan.templates;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorsTest {
    @TempDir
    Path dir;
    TemplateFiles files;

    @BeforeEach
    void setUp() {
        files = new TemplateFiles(dir);
    }

    @Test
    void syntaxErrorCarriesNameLineAndSnippet() {
        files.write("polls/index.html", "line 1\nline 2\nline 3\n{% if %}\nline 5\nline 6\nline 7\n");
        assertThatThrownBy(() -> files.builder().build().render("polls/index.html", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.id()).isEqualTo("templates.E001");
                    assertThat(e.templateName()).isEqualTo("polls/index.html");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.snippet()).isEqualTo("""
                              2 | line 2
                              3 | line 3
                            > 4 | {% if %}
                              5 | line 5
                              6 | line 6""");
                    assertThat(e.getMessage()).startsWith("templates.E001 Syntax error")
                            .contains("(polls/index.html line 4)");
                });
    }

    @Test
    // Without the guard the engine's lexer never returns; a separate thread lets the test fail instead of hanging the build.
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStringLeftOpenByATrailingBackslashIsASyntaxErrorNotAHang() {
        // Found by TemplateFuzzTest: a quoted string whose template ends right after a backslash.
        for (String source : List.of("{{ \"a\\", "{% include \"mail\\\\\\", "<p>{{ x }}</p>{{ \"\\")) {
            files.write("a.html", source);
            assertThatThrownBy(() -> files.builder().build().render("a.html", Map.of())).as(source)
                    .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.id()).isEqualTo("templates.E001"));
        }
    }

    @Test
    void aTemplateThatExtendsOrIncludesItselfIsATemplateErrorNotAStackOverflow() {
        // Found by TemplateFuzzTest: {% extends "fuzz.html" %} inside fuzz.html.
        files.write("self.html", "{% extends \"self.html\" %}");
        files.write("a.html", "A {% include \"b.html\" %}");
        files.write("b.html", "B {% include \"a.html\" %}");
        for (String name : List.of("self.html", "a.html")) {
            assertThatThrownBy(() -> files.builder().build().render(name, Map.of())).as(name)
                    .isInstanceOfSatisfying(TemplateException.class, e -> {
                        assertThat(e.id()).isEqualTo("templates.E005");
                        assertThat(e.getMessage()).contains("extends or includes itself");
                    });
        }
    }

    @Test
    void aTrailingBackslashInTextStaysAsItIs() {
        files.write("a.html", "C:\\{{ dir }}\\");
        assertThat(files.builder().build().render("a.html", Map.of("dir", "Users"))).isEqualTo("C:\\Users\\");
    }

    @Test
    void unclosedBlockIsASyntaxError() {
        files.write("a.html", "{% block content %}\nnever closed\n");
        assertThatThrownBy(() -> files.builder().build().render("a.html", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.id()).isEqualTo("templates.E001");
                    assertThat(e.templateName()).isEqualTo("a.html");
                    assertThat(e.line()).isPositive();
                });
    }

    @Test
    void syntaxErrorInAParentNamesTheParent() {
        files.write("base.html", "ok\n{{ 1 + }}\n")
                .write("page.html", "{% extends \"base.html\" %}");
        assertThatThrownBy(() -> files.builder().build().render("page.html", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.templateName()).isEqualTo("base.html");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.snippet()).contains("> 2 | {{ 1 + }}");
                });
    }

    @Test
    void exceptionInAFunctionPointsAtTheCall() {
        files.write("part.html", "a\nb\n{{ boom() }}\n")
                .write("page.html", "{% include \"part.html\" %}");
        Templates templates = files.builder()
                .function("boom", call -> {
                    throw new IllegalStateException("no route named 'x'");
                })
                .build();
        assertThatThrownBy(() -> templates.render("page.html", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.id()).isEqualTo("templates.E003");
                    assertThat(e.templateName()).isEqualTo("part.html");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).contains("no route named 'x'");
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @Test
    void missingArgumentNamesTheCall() {
        files.write("a.html", "\n{{ url() }}");
        Templates templates = files.builder().function("url", call -> call.string(0)).build();
        assertThatThrownBy(() -> templates.render("a.html", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).contains("templates.E004 argument 1 is missing");
                });
    }
}
