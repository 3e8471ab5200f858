package dev.rowan.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that checks refuse: a report and exit status 1 from a main, a catchable exception elsewhere. */
class StartupFailureTest {

    @Test
    void aFailedCheckEndsMainWithItsReportAndStatusOneWithoutAStackTrace() throws Exception {
        Result r = runMain(ProdWithoutSettings.class);
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("The app cannot start: 2 startup checks failed.")
                .contains("  core.E001  No secret key is set").contains("  Fix: Set SECRET_KEY")
                .contains("  core.E002  allowed.hosts is empty in production").contains("  Fix: Set ROWAN_ALLOWED_HOSTS")
                .doesNotContain("Exception in thread").doesNotContain("\tat ").doesNotContain("IllegalStateException")
                // The server never started.
                .doesNotContain("listening on");
    }

    @Test
    void aFailureThrownWhileAModuleInstallsReadsTheSame() throws Exception {
        Result r = runMain(ModuleRefuses.class);
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("The app cannot start: a startup check failed.").contains("  demo.E001  The demo module refuses.")
                .contains("  Fix: Do what it says.").doesNotContain("Exception in thread").doesNotContain("\tat ");
    }

    @Test
    void aSettingWithTheWrongShapeEndsMainTheSameWay() throws Exception {
        Result r = runMain(BadPort.class);
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("The app cannot start: a setting is wrong.").contains("core.E012")
                .doesNotContain("Exception in thread").doesNotContain("\tat ");
    }

    @Test
    void anyOtherUncaughtExceptionKeepsItsStackTrace() throws Exception {
        Result r = runMain(Bug.class);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("Exception in thread \"main\" java.lang.IllegalArgumentException: a bug").contains("\tat ");
    }

    @Test
    void inProcessTheFailureIsAnExceptionToCatch() {
        App app = App.create(Config.of(Map.of("profile", "prod"))).get("/", ctx -> ctx.text("ok"));
        assertThatThrownBy(() -> app.start(0)).isInstanceOfSatisfying(Check.Failure.class, f -> {
            assertThat(f.results()).extracting(Check.Result::id).containsExactly("core.E001", "core.E002");
            assertThat(f.getStackTrace()).isEmpty();
            assertThat(f.getMessage()).isEqualTo(f.report()).startsWith("The app cannot start: 2 startup checks failed.");
        });
    }

    private record Result(int exit, String output) {
    }

    private static Result runMain(Class<?> main) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // The child must not pick up a secret or hosts from the environment running the tests.
        pb.environment().keySet().removeIf(k -> k.startsWith("ROWAN_") || k.equals("SECRET_KEY"));
        Process child = pb.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        return new Result(child.exitValue(), output);
    }

    /** Production with neither a secret key nor allowed hosts. */
    static final class ProdWithoutSettings {
        public static void main(String[] args) {
            App.create(Config.of(Map.of("profile", "prod"))).get("/", ctx -> ctx.text("ok")).start(0);
        }
    }

    static final class ModuleRefuses {
        public static void main(String[] args) {
            App.create(Config.of(Map.of())).install(app -> {
                throw Check.Failure.of(Check.Result.error("demo.E001", "The demo module refuses.", "Do what it says."));
            });
        }
    }

    static final class BadPort {
        public static void main(String[] args) {
            App.create(Config.of(Map.of("server.port", "eighty"))).start();
        }
    }

    static final class Bug {
        public static void main(String[] args) {
            App.create(Config.of(Map.of()));
            throw new IllegalArgumentException("a bug");
        }
    }
}
