package dev.rowan.core.internal.commands;

import dev.rowan.core.Check;
import dev.rowan.core.Command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The commands every app has: {@code serve}, {@code run}, {@code routes}, {@code check}, {@code help} and {@code shell}. */
public final class CoreCommands {
    private CoreCommands() {
    }

    /**
     * @param shellPackages the packages {@code shell} imports: each installed module's and the main class's
     * @param mainClass     the class whose main called {@code app.run(args)}, which {@code run} restarts
     */
    public static List<Command> all(Supplier<Set<String>> shellPackages, Supplier<Optional<Class<?>>> mainClass) {
        return List.of(serve(), DevServer.command(mainClass), routes(), check(), help(), Shell.command(shellPackages));
    }

    static Command serve() {
        return Command.named("serve")
                .summary("Serves the app (what the app does when given no command)")
                .usage("serve [--port PORT]")
                .description("Listens on server.port (PORT), 8000 unless set, until Ctrl-C or SIGTERM.")
                .option("--port", "PORT", "listen on this port instead (0 picks a free one)")
                .action(call -> {
                    Optional<String> port = call.value("--port");
                    if (port.isPresent()) {
                        call.app().start(parsePort(port.get()));
                    } else {
                        call.app().start();
                    }
                    return Command.OK;
                });
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Command.usageError("--port needs a number from 0 to 65535; got '" + text + "'.");
    }

    static Command routes() {
        return Command.named("routes")
                .summary("Lists every route: method, path pattern and name")
                .action(call -> {
                    call.app().describeRoutes().forEach(call.out()::println);
                    return Command.OK;
                });
    }

    static Command check() {
        return Command.named("check")
                .summary("Runs the startup checks and prints each finding with its id and the fix")
                .usage("check [--deploy]")
                .description("Exits with status 1 when a check reports an error. The ids are explained in docs/reference/checks.md.")
                .flag("--deploy", "check a deployment: needs ROWAN_PROFILE=prod and that environment's settings; also shows "
                        + "advice (INFO)")
                .action(CoreCommands::runChecks);
    }

    private static int runChecks(Command.Call call) {
        boolean deploy = call.flag("--deploy");
        if (deploy && !call.app().config().isProduction()) {
            throw Command.usageError("check --deploy checks the settings a deployment runs with, but the profile is '"
                    + call.app().config().profile() + "'. Run it with ROWAN_PROFILE=prod and the deployment's environment "
                    + "(SECRET_KEY, ROWAN_ALLOWED_HOSTS, ...).");
        }
        List<Check.Result> shown = call.app().runChecks().stream()
                .filter(r -> deploy || r.severity() != Check.Result.Severity.INFO).toList();
        shown.forEach(r -> call.out().println(line(r)));
        long errors = shown.stream().filter(r -> r.severity() == Check.Result.Severity.ERROR).count();
        call.out().println(summary(shown.size(), errors));
        return errors > 0 ? Command.FAILED : Command.OK;
    }

    /** One finding, one line: {@code core.E001 ERROR No secret key is set ... Fix: Set SECRET_KEY ...}. */
    static String line(Check.Result r) {
        return r.id() + " " + r.severity() + ": " + r.message() + (r.hint().isEmpty() ? "" : " Fix: " + r.hint());
    }

    private static String summary(int findings, long errors) {
        if (findings == 0) {
            return "No problems found.";
        }
        return findings + (findings == 1 ? " finding" : " findings") + ", " + errors + (errors == 1 ? " error." : " errors.");
    }

    static Command help() {
        return Command.named("help")
                .summary("Lists the commands, or shows what one takes")
                .usage("help [COMMAND]")
                .action(call -> {
                    if (call.arguments().isEmpty()) {
                        call.out().print(HelpText.list(call.app().commands()));
                        return Command.OK;
                    }
                    String name = call.arguments().getFirst();
                    Command command = call.app().commands().stream().filter(c -> c.name().equals(name)).findFirst()
                            .orElseThrow(() -> Command.usageError("Unknown command '" + name + "'."));
                    call.out().print(HelpText.of(command));
                    return Command.OK;
                });
    }
}
