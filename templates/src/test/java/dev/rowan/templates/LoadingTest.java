package dev.rowan.templates;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's templates come from the test classpath ({@code src/test/resources/templates});
 * the "admin" module's live in a folder behind their own class loader, as a module jar would.
 */
class LoadingTest {
    @TempDir
    Path dir;
    TemplateFiles module;

    @BeforeEach
    void setUp() {
        module = new TemplateFiles(dir.resolve("admin-jar"))
                .write("templates/admin/base.html", "<div class=\"module-base\">{% block content %}{% endblock %}</div>")
                .write("templates/admin/index.html", "{% extends \"admin/base.html\" %}{% block content %}index{% endblock %}")
                .write("templates/admin/list.html", "module list")
                .write("templates/admin/only.html", "module only");
    }

    private URLClassLoader moduleLoader() {
        try {
            return new URLClassLoader(new URL[]{module.root().toUri().toURL()}, null);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rendersFromTheClasspath() {
        String out = Templates.builder().build().render("emails/welcome.html", Map.of("name", "Ada", "plan", "pro"));
        assertThat(out).contains("Welcome, Ada!").contains("PRO");
    }

    @Test
    void moduleTemplatesAreFoundWhenTheAppHasNone() throws IOException {
        try (URLClassLoader loader = moduleLoader()) {
            Templates templates = Templates.builder().moduleTemplates("admin", loader).build();
            assertThat(templates.render("admin/only.html", Map.of())).isEqualTo("module only");
        }
    }

    @Test
    void appTemplateOverridesModuleTemplateOfTheSameName() throws IOException {
        try (URLClassLoader loader = moduleLoader()) {
            Templates templates = Templates.builder().moduleTemplates("admin", loader).build();
            assertThat(templates.render("admin/list.html", Map.of("who", "Ada"))).isEqualTo("app list for Ada\n");
        }
    }

    @Test
    void moduleTemplateExtendsTheBaseTheAppOverrides() throws IOException {
        try (URLClassLoader loader = moduleLoader()) {
            Templates templates = Templates.builder().moduleTemplates("admin", loader).build();
            assertThat(templates.render("admin/index.html", Map.of()))
                    .isEqualTo("<div class=\"app-admin-base\">index</div>\n");
        }
    }

    @Test
    void folderWinsOverClasspath() {
        TemplateFiles folder = new TemplateFiles(dir.resolve("app")).write("emails/welcome.html", "from folder");
        Templates templates = Templates.builder().folder(folder.root()).build();
        assertThat(templates.render("emails/welcome.html", Map.of())).isEqualTo("from folder");
    }

    @Test
    void missingTemplateNamesEveryPlaceSearched() throws IOException {
        try (URLClassLoader loader = moduleLoader()) {
            Templates templates = Templates.builder().folder(dir.resolve("app")).moduleTemplates("admin", loader).build();
            assertThatThrownBy(() -> templates.render("polls/missing.html", Map.of()))
                    .isInstanceOfSatisfying(TemplateNotFoundException.class, e -> {
                        assertThat(e.id()).isEqualTo("templates.E002");
                        assertThat(e.templateName()).isEqualTo("polls/missing.html");
                        assertThat(e.searched()).hasSize(3);
                        assertThat(e.getMessage()).contains("polls/missing.html")
                                .contains("folder " + dir.resolve("app").toAbsolutePath())
                                .contains("application (classpath templates/)")
                                .contains("module admin (classpath templates/)");
                    });
        }
    }

    @Test
    void missingIncludeIsReportedAsNotFound() {
        TemplateFiles folder = new TemplateFiles(dir.resolve("app")).write("page.html", "a\n{% include \"nope.html\" %}");
        Templates templates = folder.builder().build();
        assertThatThrownBy(() -> templates.render("page.html", Map.of()))
                .isInstanceOfSatisfying(TemplateNotFoundException.class,
                        e -> assertThat(e.templateName()).isEqualTo("nope.html"));
    }

    @Test
    void namesCannotClimbOutOfTheFolder() {
        new TemplateFiles(dir).write("secret.html", "secret");
        TemplateFiles folder = new TemplateFiles(dir.resolve("app")).write("ok.html", "ok");
        Templates templates = folder.builder().build();
        assertThatThrownBy(() -> templates.render("../secret.html", Map.of()))
                .isInstanceOf(TemplateNotFoundException.class);
        assertThatThrownBy(() -> templates.render(dir.resolve("secret.html").toString(), Map.of()))
                .isInstanceOf(TemplateNotFoundException.class);
        assertThat(templates.exists("ok.html")).isTrue();
        assertThat(templates.exists("../secret.html")).isFalse();
    }
}
