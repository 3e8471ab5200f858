package dev.rowan.core.internal.commands;

import dev.rowan.core.Command;
import dev.rowan.core.Config;
import dev.rowan.core.Dev;
import dev.rowan.core.internal.reload.ChildCommand;
import dev.rowan.core.internal.reload.Supervision;

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
                    Optional<ChildCommand> child = mainClass.get()
                            .flatMap(main -> Supervision.childFor(config, main, List.of("run"), Dev.CHILD_MARKER));
                    if (child.isEmpty()) {
                        call.app().start();
                        return Command.OK;
                    }
                    // The copy in the child serves; what modules opened while this app was set up (an
                    // embedded store's file, say) must be free for it.
                    call.app().stop();
                    return Supervision.run(child.get(), config);
                });
    }

}
