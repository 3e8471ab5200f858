package dev.rowan.templates;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReloadTest {
    @TempDir
    Path dir;
    TemplateFiles files;

    @BeforeEach
    void setUp() {
        files = new TemplateFiles(dir);
    }

    /** Rewrites a file and moves its mtime forward explicitly, so coarse file-system clocks cannot hide the edit. */
    private void edit(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        FileTime before = Files.getLastModifiedTime(file);
        files.write(name, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 10_000));
    }

    @Test
    void developmentRereadsAChangedFile() throws IOException {
        files.write("a.html", "one");
        Templates templates = files.builder().reload(true).build();
        assertThat(templates.render("a.html", Map.of())).isEqualTo("one");
        edit("a.html", "two");
        assertThat(templates.render("a.html", Map.of())).isEqualTo("two");
    }

    @Test
    void developmentSeesAChangedParentAndInclude() throws IOException {
        files.write("base.html", "[{% block b %}{% endblock %}]")
                .write("part.html", "p1")
                .write("page.html", "{% extends \"base.html\" %}{% block b %}{% include \"part.html\" %}{% endblock %}");
        Templates templates = files.builder().reload(true).build();
        assertThat(templates.render("page.html", Map.of())).isEqualTo("[p1]");
        edit("base.html", "<{% block b %}{% endblock %}>");
        edit("part.html", "p2");
        assertThat(templates.render("page.html", Map.of())).isEqualTo("<p2>");
    }

    @Test
    void developmentSeesANewOverrideInAnEarlierFolder() {
        TemplateFiles app = new TemplateFiles(dir.resolve("app"));
        TemplateFiles fallback = new TemplateFiles(dir.resolve("fallback")).write("a.html", "fallback");
        Templates templates = Templates.builder().classpath(false).folder(app.root()).folder(fallback.root())
                .reload(true).build();
        assertThat(templates.render("a.html", Map.of())).isEqualTo("fallback");
        app.write("a.html", "app");
        assertThat(templates.render("a.html", Map.of())).isEqualTo("app");
    }

    @Test
    void productionKeepsTheCompiledTemplate() throws IOException {
        files.write("a.html", "one");
        Templates templates = files.builder().build();
        assertThat(templates.render("a.html", Map.of())).isEqualTo("one");
        edit("a.html", "two");
        assertThat(templates.render("a.html", Map.of())).isEqualTo("one");
    }
}
