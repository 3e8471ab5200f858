package dev.rowan.docstest;

import dev.rowan.core.App;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Docs are code": every java block of the README and the reference and topic pages below that is
 * not a file of a type-along project (those are built by {@link TypeAlongTest}) is a whole class,
 * compiled here against the real modules with the build's warnings-as-errors, and the examples
 * whose behaviour the page states are exercised through the test client.
 */
class DocsSnippetsTest {
    private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");
    static final List<String> DOCS = List.of("README.md", "docs/reference/routing.md", "docs/reference/context.md",
            "docs/topics/middleware.md", "docs/topics/static-files.md", "docs/topics/logging.md", "docs/topics/testing.md",
            "docs/topics/deployment.md", "docs/topics/commands.md", "docs/topics/auth.md", "docs/topics/sessions.md", "docs/topics/mail.md");

    @TempDir
    static Path work;
    private static URLClassLoader loader;

    @BeforeAll
    static void compileEverySnippet() throws IOException {
        Path root = Repo.root();
        Path src = Files.createDirectories(work.resolve("src"));
        var files = new ArrayList<Path>();
        for (String doc : DOCS) {
            for (String code : Markdown.read(root.resolve(doc)).loose("java")) {
                Matcher name = CLASS.matcher(code);
                assertThat(name.find()).as("every java block in %s is a whole class:%n%s", doc, code).isTrue();
                Path file = src.resolve(name.group(1) + ".java");
                if (files.contains(file)) {
                    // The same example may appear twice, but then it must be the same code.
                    assertThat(Files.readString(file)).as("two different snippets declare class %s", name.group(1)).isEqualTo(code);
                    continue;
                }
                Files.writeString(file, code);
                files.add(file);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        Path out = Files.createDirectories(work.resolve("classes"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var fm = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = compiler.getTask(null, fm, diagnostics,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "--release", "21",
                            "-Xlint:all,-processing", "-Werror"),
                    null, fm.getJavaFileObjectsFromPaths(files)).call();
            assertThat(ok).as("docs snippets compile: %s", diagnostics.getDiagnostics()).isTrue();
        }
        loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, DocsSnippetsTest.class.getClassLoader());
    }

    private static TestClient client(String className) throws ReflectiveOperationException {
        App app = (App) loader.loadClass(className).getMethod("app").invoke(null);
        return TestClient.of(app);
    }

    @Test
    void theRoutingReferenceBehavesAsDescribed() throws Exception {
        var client = client("Routing");
        assertThat(client.get("/hello/Ada").text()).isEqualTo("Hello, Ada");
        assertThat(client.get("/polls/5/").text()).isEqualTo("question 5");
        assertThat(client.get("/polls/abc/").status()).isEqualTo(404);
        assertThat(client.get("/polls/5").status()).isEqualTo(308);
        assertThat(client.get("/search?page=2&q=rowan").text()).isEqualTo("page 2 of results for rowan");
        assertThat(client.get("/search?page=two").status()).isEqualTo(400);
    }

    @Test
    void theMiddlewarePageBehavesAsDescribed() throws Exception {
        var teapot = client("Middlewares").get("/teapot");
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.header("Server-Timing")).isPresent();
        var api = client("ApiErrors");
        assertThat(api.get("/api/items/7").text()).isEqualTo("{\"id\":7}");
    }

    @Test
    void theCommandLinePagesCommandBehavesAsDescribed(@TempDir Path dir) throws Exception {
        App app = (App) loader.loadClass("ExportApp").getMethod("app").invoke(null);
        Path file = dir.resolve("routes.txt");
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        var printErr = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(app.runCommand(List.of("export-routes", file.toString()), print, printErr)).isZero();
        assertThat(Files.readAllLines(file)).containsExactly("GET /  [home]");
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Wrote " + file);
        assertThat(app.runCommand(List.of("export-routes", file.toString()), print, printErr)).isEqualTo(1);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("exists; add --overwrite to replace it.");
        assertThat(app.runCommand(List.of("export-routes"), print, printErr)).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Missing FILE.");
    }
}
