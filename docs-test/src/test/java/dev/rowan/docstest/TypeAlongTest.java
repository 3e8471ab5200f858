package dev.rowan.docstest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type-along pages are true: each page's files (the blocks marked {@code <!-- file: path -->},
 * see docs/contributing.md) are written into an empty folder, built offline with the Maven wrapper
 * against the modules this build just compiled, started with the page's own {@code java -jar}
 * command, and asked for the page's {@code curl} examples; a few flows a browser makes (a form with
 * its CSRF token) are driven here too. A page that drifts from the code fails here.
 */
class TypeAlongTest {
    static final List<String> PAGES = List.of("docs/getting-started.md", "docs/tutorial/01-converter.md",
            "docs/tutorial/02-csv2xlsx.md", "docs/tutorial/03-infoboard.md", "docs/tutorial/notes.md");
    /** Lines a clean start must not print: JVM, SLF4J and logging warnings. */
    private static final Pattern WARNING = Pattern.compile("(?m)^WARNING:|SLF4J");

    @TempDir
    static Path work;
    private static final Map<String, Page> built = new LinkedHashMap<>();

    record Page(Markdown markdown, Path project, String jar) {
    }

    @BeforeAll
    static void buildEveryPage() throws Exception {
        Path root = Repo.root();
        List<Path> projects = new ArrayList<>();
        for (String name : PAGES) {
            Markdown page = Markdown.read(root.resolve(name));
            Map<String, String> files = page.files();
            assertThat(files).as("%s shows its project's files", name).containsKey("pom.xml");
            Path project = work.resolve(Path.of(name).getFileName().toString().replace(".md", ""));
            ScratchBuild.write(project, files);
            List<String> runs = page.shellLines("java -jar ");
            assertThat(runs).as("%s says how to start the app (java -jar ...)", name).isNotEmpty();
            built.put(name, new Page(page, project, runs.getFirst().split("\\s+")[2]));
            projects.add(project);
        }
        generated = work.resolve("generated").resolve("corner-shop");
        var said = new java.io.ByteArrayOutputStream();
        int status = dev.rowan.starter.NewProject.run(List.of("new", generated.toString(), "--small"), root,
                new java.io.PrintStream(said, true), new java.io.PrintStream(said, true));
        assertThat(status).as("rowan new --small: %s", said).isZero();
        projects.add(generated);
        repository = Files.createDirectories(work.resolve("repository"));
        LocalRepository.install(root, repository);
        ScratchBuild.packageAll(root, work, projects, repository);
    }

    private static Path generated;
    private static Path repository;

    @Test
    void aProjectFromRowanNewBuildsPassesItsTestsServesAndTakesCommands() throws Exception {
        assertThat(generated.resolve("target/surefire-reports")).as("its own tests ran in the build").isDirectoryContaining("glob:**.txt");
        try (RunningApp app = RunningApp.start(generated, "target/corner-shop.jar")) {
            startedCleanly(app);
            HttpClient http = HttpClient.newHttpClient();
            String page = http.send(HttpRequest.newBuilder(URI.create(app.url("/?name=Ada"))).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("<h1>Corner Shop</h1>", "Hello, Ada!");
        }
        // ./manage compiles what changed and runs the app's main with the command, as its README says.
        var manage = new ProcessBuilder(generated.resolve("manage").toString(), "routes").directory(generated.toFile()).redirectErrorStream(true);
        manage.environment().put("JAVA_HOME", System.getProperty("java.home"));
        manage.environment().put("MAVEN_ARGS", "-o " + String.join(" ", LocalRepository.mavenArguments(repository, LocalRepository.userRepository())));
        manage.environment().remove("ROWAN_PROFILE");
        Process routes = manage.start();
        String listed = new String(routes.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(routes.waitFor()).as(listed).isZero();
        assertThat(listed).contains("GET /  [home]");
        // The packaged app takes the same commands: check --deploy names what production lacks.
        var deploy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/corner-shop.jar",
                "check", "--deploy").directory(generated.toFile()).redirectErrorStream(true);
        deploy.environment().put("ROWAN_PROFILE", "prod");
        deploy.environment().remove("SECRET_KEY");
        Process check = deploy.start();
        String findings = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(findings).isEqualTo(1);
        assertThat(findings).contains("core.E001 ERROR:", "core.E002 ERROR:", "2 errors.");
    }

    static RunningApp start(String page, String... systemProperties) throws IOException, InterruptedException {
        Page p = built.get(page);
        assertThat(p.project().resolve(p.jar())).as("%s's jar was built", page).exists();
        return RunningApp.start(p.project(), p.jar(), systemProperties);
    }

    /** Every curl example of the page, against the running app. */
    static void curlExamples(String page, RunningApp app) throws Exception {
        List<Transcript> examples = Transcript.of(built.get(page).markdown());
        assertThat(examples).as("%s shows curl examples", page).isNotEmpty();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Transcript t : examples) {
            t.check(http, url -> url.replace("localhost:8000", "localhost:" + app.port));
        }
    }

    static void startedCleanly(RunningApp app) {
        assertThat(app.output().lines().filter(l -> WARNING.matcher(l).find()).toList())
                .as("the app's log on a clean start:%n%s", app.output()).isEmpty();
    }

    @Test
    void gettingStarted() throws Exception {
        String page = "docs/getting-started.md";
        try (RunningApp app = start(page)) {
            curlExamples(page, app);
            Browser browser = new Browser(app);
            var cart = browser.get("/cart");
            assertThat(cart.body()).contains("In your cart: empty");
            var added = browser.post("/cart", Browser.form("_csrf", Browser.token(cart), "item", "<b>book</b>"));
            assertThat(added.statusCode()).isEqualTo(303);
            var after = browser.get("/cart");
            assertThat(after.body()).contains("Added &lt;b&gt;book&lt;/b&gt; to your cart.", "In your cart: &lt;b&gt;book&lt;/b&gt;");
            var empty = browser.post("/cart", Browser.form("_csrf", Browser.token(after), "item", " "));
            assertThat(empty.statusCode()).isEqualTo(400);
            startedCleanly(app);
        }
    }

    @Test
    void converter() throws Exception {
        String page = "docs/tutorial/01-converter.md";
        try (RunningApp app = start(page)) {
            curlExamples(page, app);
            var result = new Browser(app).get("/?value=300&from=K&to=C");
            assertThat(result.body()).contains("300 K = 26.85 °C", "/api/convert?value=300&amp;from=K&amp;to=C");
            startedCleanly(app);
        }
    }

    @Test
    void csv2xlsx() throws Exception {
        String page = "docs/tutorial/02-csv2xlsx.md";
        try (RunningApp app = start(page)) {
            curlExamples(page, app);
            Browser browser = new Browser(app);
            String token = Browser.token(browser.get("/"));
            var workbook = browser.post("/convert", Multipart.of(token, "sales.csv", String.join("\n",
                    built.get(page).markdown().loose("csv").getFirst().strip().lines().toList())));
            assertThat(workbook.statusCode()).as(workbook.body()).isEqualTo(200);
            assertThat(workbook.headers().firstValue("content-disposition")).hasValueSatisfying(v -> assertThat(v).contains("sales.xlsx"));
            assertThat(workbook.body()).startsWith("PK");
            var ragged = browser.post("/convert", Multipart.of(token, "bad.csv", "a,b,c\n1,2,3\n4,5\n"));
            assertThat(ragged.statusCode()).isEqualTo(400);
            assertThat(ragged.body()).contains("Line 3 has 2 fields but the first row has 3");
            var empty = browser.post("/convert", Multipart.of(token, "empty.csv", "\n\n"));
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("The file is empty");
            var binary = browser.post("/convert", Multipart.of(token, "x.csv", "PK\u0003\u0004\u0000\u0000"));
            assertThat(binary.statusCode()).isEqualTo(400);
            var none = browser.post("/convert", Multipart.of(token, "", ""));
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(none.body()).contains("Choose a CSV file to convert.");
            startedCleanly(app);
        }
    }

    @Test
    void infoboard() throws Exception {
        String page = "docs/tutorial/03-infoboard.md";
        try (RunningApp app = start(page)) {
            curlExamples(page, app);
            startedCleanly(app);
        }
        try (var closed = new java.net.ServerSocket(0)) {
            String down = "http://127.0.0.1:" + closed.getLocalPort();
            closed.close();
            try (RunningApp app = start(page, "-Dinfoboard.upstream-url=" + down)) {
                var r = new Browser(app).get("/");
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("retry-after")).hasValue("30");
                assertThat(r.body()).contains("The source is unavailable (it could not be reached).");
            }
        }
    }

    @Test
    void notes() throws Exception {
        String page = "docs/tutorial/notes.md";
        try (RunningApp app = start(page)) {
            curlExamples(page, app);
            Browser browser = new Browser(app);
            String token = Browser.token(browser.get("/new"));
            assertThat(browser.post("/new", Browser.form("title", "forged")).statusCode()).as("a POST without its token").isEqualTo(403);
            var invalid = browser.post("/new", Browser.form("_csrf", token, "title", " ", "tags", "two words"));
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("This field is required.", "&#x27;two words&#x27; is not a usable tag");
            var created = browser.post("/new", Browser.form("_csrf", token, "title", "<b>Plan</b>", "body", "line one\nline two",
                    "tags", "Work, ideas, work"));
            assertThat(created.statusCode()).isEqualTo(303);
            String note = created.headers().firstValue("location").orElseThrow();
            assertThat(browser.get(note).body()).contains("&lt;b&gt;Plan&lt;/b&gt;", "line one\nline two", ">work</a></li>", "<li><a class=\"tag\" href=\"/?tag=ideas\">ideas</a></li>")
                    .containsPattern("<time datetime=\"[0-9T:.-]+Z\">\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC</time>");
            assertThat(browser.get("/?tag=work").body()).contains("&lt;b&gt;Plan&lt;/b&gt;", "(1 note)");
            assertThat(browser.get("/?q=nothing+like+it").body()).contains("No notes match.");
            editedTwiceFromOneVersion(browser, note);
            String deleteToken = Browser.token(browser.get(note + "/delete"));
            assertThat(browser.post(note + "/delete", Browser.form("_csrf", deleteToken)).statusCode()).isEqualTo(303);
            assertThat(browser.get(note).statusCode()).isEqualTo(404);
            apiRoundTrip(browser);
            startedCleanly(app);
        }
    }

    /** Two people open version 1; the first save wins, the second gets a 409 with both texts. */
    private static void editedTwiceFromOneVersion(Browser browser, String note) throws Exception {
        String token = Browser.token(browser.get(note + "/edit"));
        var first = browser.post(note + "/edit", Browser.form("_csrf", token, "title", "Plan A", "version", "1"));
        assertThat(first.statusCode()).isEqualTo(303);
        var second = browser.post(note + "/edit", Browser.form("_csrf", token, "title", "Plan B", "version", "1"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Someone else changed this note", "value=\"Plan B\"", "<h3>Plan A</h3>")
                .containsPattern("name=\"version\"[^>]* value=\"2\"");
    }

    private static void apiRoundTrip(Browser browser) throws Exception {
        var created = browser.post("/api/notes", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"title\": \"Groceries\", \"tags\": [\"Home\"]}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("location").orElseThrow();
        assertThat(browser.get(location).body()).contains("\"title\":\"Groceries\"", "\"tags\":[\"home\"]", "\"version\":1");
        assertThat(browser.get("/api/notes?size=500").body()).isEqualTo("{\"error\":\"'size' must be 1 to 100, got 500.\",\"status\":400}");
        HttpRequest delete = HttpRequest.newBuilder(URI.create(browser.url(location))).DELETE().build();
        assertThat(browser.client().send(delete, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        var gone = browser.get(location);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"error\":\"There is no such note. It may have been deleted.\",\"status\":404}");
    }
}
