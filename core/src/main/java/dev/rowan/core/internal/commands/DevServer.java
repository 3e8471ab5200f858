package dev.rowan.core.internal.commands;

import dev.rowan.core.Command;
import dev.rowan.core.Config;
import dev.rowan.core.Dev;
import dev.rowan.core.internal.reload.ChildCommand;
import dev.rowan.core.internal.reload.Supervisor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code run}: the development server. In the dev profile this process becomes the supervisor of
 * {@link Dev#autoReload}: it serves in a child JVM and restarts it when the compiled classes or
 * the resources change. Where there is nothing to reload (another profile, {@code reload=false},
 * a jar, or inside the child itself) it simply serves.
 */
final class DevServer {
    private DevServer() {
    }

    static Command command(Supplier<Optional<Class<?>>> mainClass) {
        return Command.named("run")
                .summary("Serves for development: restarts the app when its classes or resources change")
                .description("Watches target/classes, target/test-classes and src/main/resources; compile in your IDE or "
                        + "with ./mvnw compile and the app restarts. Only in the dev profile; elsewhere it serves as 'serve' does.")
                .action(call -> {
                    Config config = call.app().config();
                    Optional<ChildCommand> child = supervision(config, mainClass.get());
                    if (child.isEmpty()) {
                        call.app().start();
                        return Command.OK;
                    }
                    // The copy in the child serves; what modules opened while this app was set up (an
                    // embedded store's file, say) must be free for it.
                    call.app().stop();
                    return Supervisor.runUntilStopped(child.get(), config.getDuration("reload.quiet-period", Duration.ofSeconds(1)));
                });
    }

    private static Optional<ChildCommand> supervision(Config config, Optional<Class<?>> mainClass) {
        if (System.getenv(Dev.CHILD_MARKER) != null) {
            Supervisor.exitWhenParentDies();
            return Optional.empty();
        }
        if (!config.isDev() || !config.getBoolean("reload", true) || mainClass.isEmpty()) {
            return Optional.empty();
        }
        ChildCommand command = ChildCommand.forThisJvm(mainClass.get(), List.of("run"), Dev.CHILD_MARKER);
        return command.watchedRoots().isEmpty() ? Optional.empty() : Optional.of(command);
    }
}
