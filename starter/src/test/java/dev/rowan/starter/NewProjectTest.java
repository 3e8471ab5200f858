package dev.rowan.starter;

import dev.rowan.starter.internal.ProjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code rowan new} writes and what it refuses; docs-test's NewProjectBuildTest builds and runs the result. */
class NewProjectTest {
    private static final Path ROWAN_HOME = Path.of("..").toAbsolutePath().normalize();

    private record Ran(int status, String out, String err) {
    }

    private static Ran rowan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = NewProject.run(List.of(args), ROWAN_HOME, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSmallLayoutHasTheAppATemplateATestTheBuildAndTheCommandLine(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("my-blog");
        Ran r = rowan("new", project.toString(), "--small");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created " + project, "./manage run", "./mvnw test");
        try (Stream<Path> files = Files.walk(project)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> project.relativize(p).toString()).sorted().toList()).containsExactly(
                    ".gitignore", ".mvn/wrapper/maven-wrapper.properties", "README.md", "manage", "mvnw", "mvnw.cmd", "pom.xml",
                    "src/main/java/myblog/MyBlogApp.java", "src/main/resources/application.properties",
                    "src/main/resources/templates/index.html", "src/test/java/myblog/MyBlogAppTest.java");
        }
        assertThat(Files.readString(project.resolve("src/main/java/myblog/MyBlogApp.java")))
                .startsWith("package myblog;").contains("public final class MyBlogApp", "\"My Blog\"", "app().run(args);");
        assertThat(Files.readString(project.resolve("pom.xml")))
                .contains("<artifactId>my-blog</artifactId>", "<main.class>myblog.MyBlogApp</main.class>", "<finalName>my-blog</finalName>");
        assertThat(Files.readString(project.resolve("manage"))).contains("MAIN_CLASS=myblog.MyBlogApp");
        assertThat(Files.isExecutable(project.resolve("manage"))).isTrue();
        assertThat(Files.isExecutable(project.resolve("mvnw"))).isTrue();
        try (Stream<Path> files = Files.walk(project)) {
            assertThat(files.filter(Files::isRegularFile).map(NewProjectTest::read)).noneMatch(text -> text.contains("@@"));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(project.resolve("notes.txt"), "mine");

        Ran r = rowan("new", project.toString(), "--small");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(project + " is not empty");
        try (Stream<Path> files = Files.list(project)) {
            assertThat(files).containsExactly(project.resolve("notes.txt"));
        }
    }

    @Test
    void wrongCallsSayWhatIsExpected(@TempDir Path dir) {
        assertThat(rowan().status()).isEqualTo(2);
        assertThat(rowan("new").err()).contains("Name the folder for the new project.");
        assertThat(rowan("new", dir.resolve("a").toString(), dir.resolve("b").toString(), "--small").err()).contains("Unexpected");
        Ran full = rowan("new", dir.resolve("big").toString());
        assertThat(full.status()).isEqualTo(2);
        assertThat(full.err()).contains("add --small");
        assertThat(Files.exists(dir.resolve("big"))).isFalse();
        assertThat(rowan("new", dir.resolve("x").toString(), "--small", "--package", "Not.Valid").err())
                .contains("'Not.Valid' cannot be the Java package");
        assertThat(rowan("new", dir.resolve("x").toString(), "--small", "--package").err()).contains("--package needs a value.");
        assertThat(rowan("new", "--help").status()).isZero();
    }

    @Test
    void namesComeFromTheFolder() {
        assertThat(ProjectName.of(Path.of("/tmp/My Shop 2"))).isEqualTo(new ProjectName("my-shop-2", "myshop2", "MyShop2App", "My Shop 2"));
        assertThat(ProjectName.of(Path.of("/tmp/blog"), "com.example.blog").mainClass()).isEqualTo("com.example.blog.BlogApp");
        assertThatThrownBy(() -> ProjectName.of(Path.of("/tmp/2048"))).hasMessageContaining("must start with a letter");
        assertThatThrownBy(() -> ProjectName.of(Path.of("/tmp/class"))).hasMessageContaining("Java keyword");
    }
}
