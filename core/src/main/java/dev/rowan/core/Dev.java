package dev.rowan.core;

import dev.rowan.core.internal.reload.ChildCommand;
import dev.rowan.core.internal.reload.Supervision;

import java.util.Optional;
import java.util.List;

/**
 * Development helpers. {@link #autoReload} restarts the app whenever its classes or resources change.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Dev.autoReload(Main.class, args);   // dev profile only; a no-op in prod and in the restarted copy
 *     App.create().get("/", ctx -> ctx.text("Hello")).start();
 * }
 * }</pre>
 */
public final class Dev {
    /** Set in the environment of the restarted copy, so it runs main normally instead of supervising. */
    public static final String CHILD_MARKER = "ROWAN_RELOAD_CHILD";

    private Dev() {
    }

    /**
     * In the {@code dev} profile, turns this JVM into a supervisor: it runs {@code mainClass} in a
     * child JVM with the class path it was loaded from (also when a launcher such as Maven's
     * {@code exec:java} loaded it in a class loader of its own), the same JVM options and
     * {@code args}. It watches the class-path folders ({@code target/classes},
     * {@code target/test-classes}) and {@code src/main/resources}, and once they have been quiet for
     * {@code reload.quiet-period} (1 s) after a change, stops the child gracefully and starts a new
     * one, printing one line per restart. It compiles nothing itself: your IDE's build or
     * {@code ./mvnw compile} in a second terminal writes the classes it watches. While the main class's
     * file is missing (a build deleted it and is writing it again) the running app keeps serving and the
     * restart waits for the build. When the child exits by itself (a startup error, a port in use),
     * the supervisor keeps watching and restarts on the next change. Ctrl-C or SIGTERM stops both.
     * This method then never returns.
     *
     * <p>It returns at once, and main simply continues, in the child, outside the {@code dev}
     * profile, with {@code reload=false} ({@code ROWAN_RELOAD=false}), or when the class path has no
     * folder to watch (a jar).
     */
    public static void autoReload(Class<?> mainClass, String[] args) {
        Config config = Config.load();
        Optional<ChildCommand> child = Supervision.childFor(config, mainClass, List.of(args), CHILD_MARKER);
        if (child.isPresent()) {
            System.exit(Supervision.run(child.get(), config));
        }
    }
}
