package dev.rowan.core.internal.commands;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Command;
import dev.rowan.core.Config;
import dev.rowan.core.internal.Nearest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs one command line against an app: picks the command (serve when there is none, or when the
 * line starts with an option), parses its options against what it declared, and turns the ways a
 * call can go wrong into a message and an exit status instead of a stack trace.
 */
public final class CommandLine {
    private final App app;
    private final Map<String, Command> commands;
    private final PrintStream out;
    private final PrintStream err;

    private CommandLine(App app, Collection<Command> commands, PrintStream out, PrintStream err) {
        this.app = app;
        this.commands = new TreeMap<>();
        commands.forEach(c -> this.commands.put(c.name(), c));
        this.out = out;
        this.err = err;
    }

    public static int run(App app, Collection<Command> commands, List<String> args, PrintStream out, PrintStream err) {
        return new CommandLine(app, commands, out, err).run(args);
    }

    private int run(List<String> args) {
        if (!args.isEmpty() && List.of("--help", "-h").contains(args.getFirst())) {
            return run(List.of("help"));
        }
        boolean serveByDefault = args.isEmpty() || args.getFirst().startsWith("-");
        String name = serveByDefault ? "serve" : args.getFirst();
        List<String> rest = serveByDefault ? args : args.subList(1, args.size());
        Command command = commands.get(name);
        if (command == null) {
            err.println("Unknown command '" + name + "'." + Nearest.likelyTypo(name, commands.keySet()).map(n -> " Did you mean '" + n + "'?").orElse("")
                    + " 'help' lists the commands.");
            return Command.USAGE;
        }
        try {
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(HelpText.of(command));
                return Command.OK;
            }
            return command.run(parse(command, rest));
        } catch (Command.Failure f) {
            err.println(f.getMessage());
            if (f.status() == Command.USAGE) {
                err.println("Usage: " + command.usage() + "    ('" + command.name() + " --help' tells more)");
            }
            return f.status();
        } catch (Check.Failure | Config.ConfigException e) {
            // The app's own settings or checks refuse: the same report a start would print, without a trace.
            err.println(e.getMessage());
            return Command.FAILED;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The command " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Splits arguments from declared options; {@code --} ends the options. */
    private Command.Call parse(Command command, List<String> rest) {
        var arguments = new ArrayList<String>();
        var given = new TreeMap<String, String>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--")) {
                arguments.addAll(rest.subList(i + 1, rest.size()));
                break;
            }
            if (!arg.startsWith("--")) {
                arguments.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String optionName = eq < 0 ? arg : arg.substring(0, eq);
            Command.Option option = command.option(optionName).orElseThrow(() -> unknownOption(command, optionName));
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw Command.usageError("The option " + optionName + " takes no value.");
                }
                given.put(optionName, "");
            } else if (eq >= 0) {
                given.put(optionName, arg.substring(eq + 1));
            } else if (i + 1 < rest.size()) {
                given.put(optionName, rest.get(++i));
            } else {
                throw Command.usageError("The option " + optionName + " needs a value: " + optionName + " " + option.valueName() + ".");
            }
        }
        return new GivenCall(app, List.copyOf(arguments), Map.copyOf(given), out, err);
    }

    private static Command.Failure unknownOption(Command command, String given) {
        List<String> known = command.options().stream().map(Command.Option::name).toList();
        String hint = Nearest.likelyTypo(given, known).map(n -> " Did you mean " + n + "?")
                .orElse(known.isEmpty() ? " It takes none." : " It takes " + String.join(", ", known) + ".");
        return Command.usageError("Unknown option " + given + " for " + command.name() + "." + hint);
    }

    private record GivenCall(App app, List<String> arguments, Map<String, String> given, PrintStream out, PrintStream err)
            implements Command.Call {
        @Override
        public boolean flag(String name) {
            return given.containsKey(name);
        }

        @Override
        public Optional<String> value(String name) {
            return Optional.ofNullable(given.get(name));
        }
    }
}
