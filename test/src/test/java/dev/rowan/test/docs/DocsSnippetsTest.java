package dev.rowan.test.docs;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Docs are code": every ```java block in the README and the getting-started guide is compiled
 * here against the real modules, and the example apps are exercised through the test client.
 */
class DocsSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final List<String> DOCS = List.of("README.md", "docs/getting-started.md");

    @TempDir
    static Path work;
    private static URLClassLoader loader;

    @BeforeAll
    static void compileEverySnippet() throws IOException {
        Path root = repoRoot();
        Path src = Files.createDirectories(work.resolve("src"));
        var files = new ArrayList<Path>();
        for (String doc : DOCS) {
            Matcher m = BLOCK.matcher(Files.readString(root.resolve(doc)));
            while (m.find()) {
                String code = m.group(1);
                Matcher name = CLASS.matcher(code);
                assertThat(name.find()).as("every java block in %s is a whole class:%n%s", doc, code).isTrue();
                Path file = src.resolve(name.group(1) + ".java");
                if (files.contains(file)) {
                    // The same example may appear twice (README and guide), but then it must be the same code.
                    assertThat(Files.readString(file)).as("two different snippets declare class %s", name.group(1)).isEqualTo(code);
                    continue;
                }
                Files.writeString(file, code);
                files.add(file);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        Path out = Files.createDirectories(work.resolve("classes"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var fm = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = compiler.getTask(null, fm, diagnostics,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "--release", "21", "-Xlint:all", "-Werror"),
                    null, fm.getJavaFileObjectsFromPaths(files)).call();
            assertThat(ok).as("docs snippets compile: %s", diagnostics.getDiagnostics()).isTrue();
        }
        loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, DocsSnippetsTest.class.getClassLoader());
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/getting-started.md"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root with docs/").isNotNull();
        return p;
    }

    private static TestClient client(String className) throws ReflectiveOperationException {
        App app = (App) loader.loadClass(className).getMethod("app").invoke(null);
        return TestClient.of(app);
    }

    @Test
    void theRoutingGuideBehavesAsDescribed() throws Exception {
        var client = client("Routing");
        assertThat(client.get("/hello/Ada").text()).isEqualTo("Hello, Ada");
        assertThat(client.get("/polls/5/").text()).isEqualTo("question 5");
        assertThat(client.get("/polls/abc/").status()).isEqualTo(404);
        assertThat(client.get("/polls/5").status()).isEqualTo(308);
        assertThat(client.get("/search?page=2&q=rowan").text()).isEqualTo("page 2 of results for rowan");
        assertThat(client.get("/search?page=two").status()).isEqualTo(400);
    }

    @Test
    void theMiddlewareGuideBehavesAsDescribed() throws Exception {
        var client = client("Middlewares");
        var teapot = client.get("/teapot");
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.header("Server-Timing")).isPresent();
    }

    @Test
    void theSessionGuideKeepsTheCartAcrossRequests() throws Exception {
        var client = client("Sessions").followRedirects(true);
        var page = client.post("/cart", Map.of("item", "book"));
        assertThat(page.text()).isEqualTo("book");
    }
}
