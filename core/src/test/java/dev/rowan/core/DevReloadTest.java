package dev.rowan.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: a real supervisor JVM runs a freshly compiled main in a child JVM; recompiling the
 * class makes the served text change, and SIGTERM to the supervisor takes the child down too.
 */
class DevReloadTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String MAIN = """
            import dev.rowan.core.App;
            import dev.rowan.core.Dev;

            public class ReloadMe {
                public static void main(String[] args) throws InterruptedException {
                    Dev.autoReload(ReloadMe.class, args);
                    App.create().get("/", ctx -> ctx.text("%s")).start(Integer.parseInt(args[0]));
                    Thread.currentThread().join(); // serve until SIGTERM, whatever threads the engine uses
                }
            }
            """;

    /** A main that hands its arguments to the app, started with the {@code run} command. */
    private static final String RUN_MAIN = """
            import dev.rowan.core.App;

            public class RunMe {
                public static void main(String[] args) {
                    App.create().get("/", ctx -> ctx.text("%s")).run(args);
                }
            }
            """;

    /** Runs a main the way Maven's exec:java does: from a class loader of its own, inside the launcher's JVM. */
    private static final String LAUNCHER = """
            import java.io.File;
            import java.net.URL;
            import java.net.URLClassLoader;
            import java.nio.file.Path;
            import java.util.Arrays;

            public class Launch {
                public static void main(String[] args) throws Exception {
                    String[] entries = args[0].split(File.pathSeparator);
                    URL[] urls = new URL[entries.length];
                    for (int i = 0; i < entries.length; i++) {
                        urls[i] = Path.of(entries[i]).toUri().toURL();
                    }
                    var loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
                    Thread.currentThread().setContextClassLoader(loader);
                    Class.forName(args[1], true, loader).getMethod("main", String[].class)
                            .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
                }
            }
            """;

    @TempDir
    Path dir;
    private Process supervisor;
    private Path log;

    @AfterEach
    void stopEverything() throws Exception {
        if (supervisor != null) {
            List<ProcessHandle> all = supervisor.descendants().toList();
            supervisor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void recompilingTheMainClassRestartsTheAppAndSigtermStopsBoth() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(classes, "v1");
        int port = freePort();
        supervisor = startSupervisor(classes, port);

        awaitBody(port, "v1");
        ProcessHandle firstChild = supervisor.descendants().findFirst().orElseThrow();

        compile(classes, "v2");
        awaitBody(port, "v2");
        assertThat(firstChild.isAlive()).as("the first child was stopped").isFalse();
        assertThat(Files.readString(log)).contains("[rowan reload]", "ReloadMe.class changed, restarting (");

        List<ProcessHandle> children = supervisor.descendants().toList();
        supervisor.destroy(); // SIGTERM
        assertThat(supervisor.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle child : children) {
            assertThat(child.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    @Test
    void anAppRunByALauncherInItsOwnClassLoaderIsSupervisedWithItsOwnClassPath() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(classes, "v1");
        Path launcher = Files.createDirectories(dir.resolve("launcher"));
        compileSource(launcher, "Launch", LAUNCHER);
        int port = freePort();
        supervisor = start(List.of("-cp", launcher.toString(), "Launch",
                classes + File.pathSeparator + System.getProperty("java.class.path"), "ReloadMe", String.valueOf(port)));

        awaitBody(port, "v1");
        compile(classes, "v2");
        awaitBody(port, "v2");
        assertThat(Files.readString(log)).contains("ReloadMe.class changed, restarting (").doesNotContain("exited with code");
    }

    @Test
    void aBuildThatDeletesTheClassesBeforeWritingThemCausesOneRestartAndNoFailedOne() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(classes, "v1");
        int port = freePort();
        supervisor = startSupervisor(classes, port);
        awaitBody(port, "v1");

        // What Maven's compiler does on a change: copy resources, delete the classes, then write new ones.
        Files.writeString(classes.resolve("application.properties"), "greeting=hi\n");
        Files.delete(classes.resolve("ReloadMe.class"));
        awaitLog("ReloadMe.class is missing (a build is under way)");
        assertThat(body(port)).as("the running app keeps serving during the build").contains("v1");
        compile(classes, "v2");
        awaitBody(port, "v2");
        assertThat(Files.readString(log)).doesNotContain("Could not find or load main class").doesNotContain("exited with code");
    }

    @Test
    void theRunCommandSupervisesAnAppWhoseMainCallsRunAndRestartsItOnAChange() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compileSource(classes, "RunMe", RUN_MAIN.formatted("v1"));
        int port = freePort();
        supervisor = start(List.of("-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), "RunMe", "run"),
                java.util.Map.of("PORT", String.valueOf(port)));

        awaitBody(port, "v1");
        assertThat(supervisor.descendants().count()).as("the app serves in a child of the supervisor").isPositive();
        compileSource(classes, "RunMe", RUN_MAIN.formatted("v2"));
        awaitBody(port, "v2");
        assertThat(Files.readString(log)).contains("RunMe.class changed, restarting (").doesNotContain("exited with code");
    }

    @Test
    void outsideTheDevProfileItReturnsAndMainJustRuns() {
        // Surefire runs this JVM with ROWAN_PROFILE=test; supervising would never return (or exit the JVM).
        Dev.autoReload(DevReloadTest.class, new String[0]);
        assertThat(System.getenv(Dev.CHILD_MARKER)).isNull();
    }

    private Process startSupervisor(Path classes, int port) throws IOException {
        return start(List.of("-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), "ReloadMe", String.valueOf(port)));
    }

    private Process start(List<String> javaArgs) throws IOException {
        return start(javaArgs, java.util.Map.of());
    }

    private Process start(List<String> javaArgs, java.util.Map<String, String> environment) throws IOException {
        log = dir.resolve("supervisor.log");
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        var pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("ROWAN_PROFILE"); // the dev profile, as on a developer's machine
        pb.environment().remove(Dev.CHILD_MARKER);
        pb.environment().putAll(environment);
        return pb.start();
    }

    private void awaitBody(int port, String expected) throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Optional<String> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            assertThat(supervisor.isAlive()).withFailMessage(() -> "supervisor died:\n" + readLog()).isTrue();
            try {
                last = Optional.of(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
                if (last.get().equals(expected)) {
                    return;
                }
            } catch (IOException e) {
                last = Optional.of(e.toString()); // not listening yet, or restarting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Never saw '" + expected + "' (last: " + last.orElse("nothing") + "). Log:\n" + readLog());
    }

    private void awaitLog(String expected) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!readLog().contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The log never said '" + expected + "':\n" + readLog());
            }
            Thread.sleep(50);
        }
    }

    private static Optional<String> body(int port) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build();
            return Optional.of(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void compile(Path classes, String text) throws IOException {
        compileSource(classes, "ReloadMe", MAIN.formatted(text));
    }

    private void compileSource(Path classes, String name, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src")).resolve(name + ".java");
        Files.writeString(src, source);
        var err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), "--release", "21", src.toString());
        assertThat(rc).withFailMessage(() -> err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
