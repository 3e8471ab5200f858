package dev.rowan.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app as its own management command line: {@code java -jar app.jar COMMAND}. */
class CommandLineTest {
    private record Ran(int status, String out, String err) {
    }

    private static Ran run(App app, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = app.runCommand(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static App app() {
        return App.create(Config.of(Map.of("secret.key", "k".repeat(40))).withProfile("dev"))
                .get("/", ctx -> ctx.text("home"), "home")
                .post("/notes/{id:int}", ctx -> ctx.text("saved"), "note-save");
    }

    @Test
    void routesListsEveryRouteWithItsName() {
        Ran r = run(app(), "routes");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList()).contains("GET /  [home]", "POST /notes/{id:int}  [note-save]");
    }

    @Test
    void helpListsTheCoreCommandsAndTheAppsOwnWithTheirSummaries() {
        App app = app().command(Command.named("export-csv").summary("Writes every note to a CSV file").action(call -> Command.OK));
        Ran r = run(app, "help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("  check ", "  help ", "  routes ", "  serve ", "  export-csv  Writes every note to a CSV file");
        assertThat(run(app, "--help").out()).isEqualTo(r.out());
    }

    @Test
    void anUnknownCommandSuggestsTheNearestAndIsAUsageError() {
        Ran r = run(app(), "rotues");
        assertThat(r.status()).isEqualTo(Command.USAGE);
        assertThat(r.err()).contains("Unknown command 'rotues'. Did you mean 'routes'?").contains("'help' lists the commands");
        assertThat(run(app(), "zzzzzzzz").err()).doesNotContain("Did you mean");
    }

    @Test
    void aCommandTakesArgumentsFlagsAndValuesItDeclared() {
        var seen = new ArrayList<String>();
        App app = app().command(Command.named("greet").summary("Greets").usage("greet NAME")
                .flag("--shout", "in capitals").option("--times", "N", "how often")
                .action(call -> {
                    String name = call.argument(0, "NAME");
                    int times = Integer.parseInt(call.value("--times").orElse("1"));
                    for (int i = 0; i < times; i++) {
                        seen.add(call.flag("--shout") ? name.toUpperCase() : name);
                    }
                    return Command.OK;
                }));

        assertThat(run(app, "greet", "Ada", "--shout", "--times", "2").status()).isZero();
        assertThat(run(app, "greet", "--times=1", "Bo").status()).isZero();
        assertThat(run(app, "greet", "--", "--not-an-option").status()).isZero();
        assertThat(seen).containsExactly("ADA", "ADA", "Bo", "--not-an-option");
    }

    @Test
    void wrongCallsOfACommandAreUsageErrorsThatSayWhatIsWrong() {
        App app = app().command(Command.named("greet").summary("Greets").usage("greet NAME")
                .flag("--shout", "in capitals").option("--times", "N", "how often")
                .action(call -> {
                    call.argument(0, "NAME");
                    return Command.OK;
                }));

        assertThat(run(app, "greet", "Ada", "--shuot")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Command.USAGE);
            assertThat(r.err()).contains("Unknown option --shuot for greet. Did you mean --shout?").contains("Usage: greet NAME");
        });
        assertThat(run(app, "greet").err()).contains("Missing NAME.");
        assertThat(run(app, "greet", "Ada", "--times").err()).contains("The option --times needs a value: --times N.");
        assertThat(run(app, "greet", "Ada", "--shout=yes").err()).contains("The option --shout takes no value.");
        assertThat(run(app, "routes", "--verbose").err()).contains("Unknown option --verbose for routes. It takes none.");
    }

    @Test
    void everyCommandAnswersHelpWithItsUsageAndOptions() {
        Ran r = run(app(), "check", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: check [--deploy]").contains("Runs the startup checks").contains("  --deploy  check a deployment");
        assertThat(run(app(), "help", "serve").out()).contains("Usage: serve [--port PORT]").contains("  --port PORT  ");
    }

    @Test
    void aCommandFailureIsItsMessageAndStatusNotAStackTrace() {
        App app = app().command(Command.named("refuse").summary("Refuses").action(call -> {
            throw Command.failure("No such note: 7");
        }));
        Ran r = run(app, "refuse");
        assertThat(r.status()).isEqualTo(Command.FAILED);
        assertThat(r.err()).isEqualTo("No such note: 7" + System.lineSeparator());
    }

    @Test
    void checkPrintsEachFindingOnOneLineWithItsIdAndFailsOnAnError() {
        App app = app().check(a -> List.of(
                Check.Result.warning("demo.W001", "The cache is off.", "Set demo.cache=on."),
                Check.Result.error("demo.E001", "The upstream URL is missing.", "Set DEMO_UPSTREAM.")));
        Ran r = run(app, "check");
        assertThat(r.status()).isEqualTo(Command.FAILED);
        assertThat(r.out().lines().toList()).contains(
                "demo.W001 WARNING: The cache is off. Fix: Set demo.cache=on.",
                "demo.E001 ERROR: The upstream URL is missing. Fix: Set DEMO_UPSTREAM.",
                "2 findings, 1 error.");

        Ran clean = run(app(), "check");
        assertThat(clean.status()).isZero();
        assertThat(clean.out()).isEqualTo("No problems found." + System.lineSeparator());
    }

    @Test
    void checkDeployRunsAsProductionAndShowsTheAdvice() {
        App prod = App.create(Config.of(Map.of("secret.key", "k".repeat(40), "allowed.hosts", "example.com")).withProfile("prod"));
        Ran r = run(prod, "check", "--deploy");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("core.W004 INFO: HSTS is off.");
        assertThat(run(prod, "check").out()).doesNotContain("core.W004");

        App prodWithoutSettings = App.create(Config.of(Map.of()).withProfile("prod"));
        Ran failing = run(prodWithoutSettings, "check", "--deploy");
        assertThat(failing.status()).isEqualTo(Command.FAILED);
        assertThat(failing.out()).contains("core.E001 ERROR:", "core.E002 ERROR:");

        Ran inDev = run(app(), "check", "--deploy");
        assertThat(inDev.status()).isEqualTo(Command.USAGE);
        assertThat(inDev.err()).contains("the profile is 'dev'").contains("ROWAN_PROFILE=prod");
    }

    @Test
    void serveWithAPortServesAndABadPortIsAUsageError() throws Exception {
        App app = app();
        try {
            assertThat(run(app, "serve", "--port", "0").status()).isZero();
            var client = HttpClient.newHttpClient();
            var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("home");
        } finally {
            app.stop();
        }
        assertThat(run(app(), "serve", "--port", "http").err()).contains("--port needs a number from 0 to 65535; got 'http'.");
    }

    @Test
    void namesAndOptionsOfCommandsAreCheckedWhenDeclared() {
        assertThatThrownBy(() -> Command.named("Export CSV")).hasMessageContaining("lower-case words joined by '-'");
        assertThatThrownBy(() -> Command.named("x").summary("X").flag("-v", "verbose")).hasMessageContaining("'--' and lower-case");
        assertThatThrownBy(() -> Command.named("x").action(call -> 0)).hasMessageContaining("needs a summary");
    }

    @Test
    void fromMainACommandEndsTheProcessWithItsStatusAndNoCommandServes() throws Exception {
        Process routes = java(RoutesMain.class, "routes");
        String out = new String(routes.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(routes.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(routes.exitValue()).isZero();
        assertThat(out).contains("GET /  [home]");

        Process unknown = java(RoutesMain.class, "migarte");
        unknown.getInputStream().readAllBytes();
        assertThat(unknown.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.exitValue()).isEqualTo(Command.USAGE);
    }

    private static Process java(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ROWAN_") || k.equals("SECRET_KEY"));
        pb.environment().put("ROWAN_PROFILE", "test");
        return pb.start();
    }

    /** An app whose main hands its arguments to {@link App#run(String...)}. */
    static final class RoutesMain {
        public static void main(String[] args) {
            App.create().get("/", ctx -> ctx.text("home"), "home").run(args);
        }
    }
}
