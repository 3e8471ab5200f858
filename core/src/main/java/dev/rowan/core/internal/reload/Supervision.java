package dev.rowan.core.internal.reload;

import dev.rowan.core.Config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether this JVM should supervise a reloading child, shared by {@code Dev.autoReload} and the
 * {@code run} command: only in the dev profile, with {@code reload} on, outside the child itself,
 * and when the class path has a folder to watch.
 */
public final class Supervision {
    private Supervision() {
    }

    /** The child to run, or empty when this JVM should simply go on (and, in the child, watch its parent). */
    public static Optional<ChildCommand> childFor(Config config, Class<?> mainClass, List<String> args, String marker) {
        if (System.getenv(marker) != null) {
            Supervisor.exitWhenParentDies();
            return Optional.empty();
        }
        if (!config.isDev() || !config.getBoolean("reload", true)) {
            return Optional.empty();
        }
        ChildCommand command = ChildCommand.forThisJvm(mainClass, args, marker);
        return command.watchedRoots().isEmpty() ? Optional.empty() : Optional.of(command);
    }

    /** Supervises until Ctrl-C or SIGTERM; the exit status for the process. */
    public static int run(ChildCommand child, Config config) {
        return Supervisor.runUntilStopped(child, config.getDuration("reload.quiet-period", Duration.ofSeconds(1)));
    }
}
