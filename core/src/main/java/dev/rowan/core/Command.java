package dev.rowan.core;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A management command: what Django runs as {@code python manage.py NAME}, Rowan runs as the app
 * itself with the command as its argument ({@code java -jar app.jar routes}). The app's
 * {@code main} hands its arguments to {@link App#run(String...)}, which serves when there are none.
 * The core brings {@code serve}, {@code routes}, {@code check} and {@code help}; a module adds its
 * own in {@code install}, and so does an app:
 *
 * <pre>{@code
 * app.command(Command.named("greet")
 *         .summary("Prints a greeting")
 *         .usage("greet NAME")
 *         .flag("--shout", "in capitals")
 *         .action(call -> {
 *             String name = call.argument(0, "NAME");
 *             call.out().println(call.flag("--shout") ? "HELLO, " + name.toUpperCase() : "Hello, " + name);
 *             return Command.OK;
 *         }));
 * }</pre>
 *
 * Every command answers {@code --help}. Options it did not declare, and a missing argument, end
 * it with status {@link #USAGE} and a message naming the problem.
 */
public final class Command {
    /** Exit status of a command that did what it was asked. */
    public static final int OK = 0;
    /** Exit status of a command that ran and found a problem (a failed check, a refused operation). */
    public static final int FAILED = 1;
    /** Exit status of a command called the wrong way: an unknown command, option or a missing argument. */
    public static final int USAGE = 2;

    private final String name;
    private final String summary;
    private final String usage;
    private final String description;
    private final List<Option> options;
    private final Action action;

    private Command(Builder b) {
        this.name = b.name;
        this.summary = b.summary;
        this.usage = b.usage.isEmpty() ? b.name : b.usage;
        this.description = b.description;
        this.options = List.copyOf(b.options.values());
        this.action = b.action;
    }

    /** Starts a command with its name: lower case words joined by {@code -}, such as {@code export-csv}. */
    public static Builder named(String name) {
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A command name is lower-case words joined by '-', such as export-csv; got '" + name + "'");
        }
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The one line {@code help} shows beside the name. */
    public String summary() {
        return summary;
    }

    /** How to call it, such as {@code check [--deploy]}. */
    public String usage() {
        return usage;
    }

    /** More about what it does, shown by {@code --help} after the usage; may be empty. */
    public String description() {
        return description;
    }

    /** The options it accepts, in the order declared. */
    public List<Option> options() {
        return options;
    }

    /** Runs it; the returned number is the process's exit status. */
    public int run(Call call) throws Exception {
        return action.run(call);
    }

    /** The declared option of that name, such as {@code --deploy}. */
    public Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Ends the command with a message and {@link #FAILED}; {@code throw Command.failure("No such note: 7")}. */
    public static Failure failure(String message) {
        return new Failure(message, FAILED);
    }

    /** Ends the command with a message, its usage and {@link #USAGE}: the caller got the arguments wrong. */
    public static Failure usageError(String message) {
        return new Failure(message, USAGE);
    }

    /** What a command's body does with one call. */
    @FunctionalInterface
    public interface Action {
        int run(Call call) throws Exception;
    }

    /**
     * A declared option: a flag ({@code --deploy}) or, when {@code valueName} is not empty, an
     * option with a value ({@code --port 8080} or {@code --port=8080}).
     */
    public record Option(String name, String valueName, String help) {
        public boolean takesValue() {
            return !valueName.isEmpty();
        }
    }

    /** One call of a command: the app, the arguments, the options given and where to print. */
    public interface Call {
        App app();

        /** The arguments that are not options, in order. */
        List<String> arguments();

        /** The argument at {@code index}, or a usage error naming {@code what} is missing. */
        default String argument(int index, String what) {
            if (index >= arguments().size()) {
                throw usageError("Missing " + what + ".");
            }
            return arguments().get(index);
        }

        /** True when the declared flag was given. */
        boolean flag(String name);

        /** The value given for a declared option with a value. */
        Optional<String> value(String name);

        PrintStream out();

        PrintStream err();
    }

    /** Ends a command early with a message for the person at the terminal and an exit status. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        private Failure(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Describes a command; {@link #action} completes it. */
    public static final class Builder {
        private final String name;
        private String summary = "";
        private String usage = "";
        private String description = "";
        private final Map<String, Option> options = new LinkedHashMap<>();
        private Action action;

        private Builder(String name) {
            this.name = name;
        }

        public Builder summary(String summary) {
            this.summary = Objects.requireNonNull(summary);
            return this;
        }

        /** How to call it, such as {@code greet NAME}; the name alone unless set. Options are listed by {@code --help}. */
        public Builder usage(String usage) {
            this.usage = Objects.requireNonNull(usage);
            return this;
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description);
            return this;
        }

        /** A flag such as {@code --deploy}. */
        public Builder flag(String name, String help) {
            return add(new Option(name, "", help));
        }

        /** An option with a value, such as {@code option("--port", "PORT", "the port to listen on")}. */
        public Builder option(String name, String valueName, String help) {
            if (valueName.isEmpty()) {
                throw new IllegalArgumentException("The option " + name + " needs a value name, such as PORT; use flag() for one without");
            }
            return add(new Option(name, valueName, help));
        }

        private Builder add(Option option) {
            if (!option.name().matches("--[a-z][a-z0-9]*(-[a-z0-9]+)*") || option.name().equals("--help")) {
                throw new IllegalArgumentException("An option is '--' and lower-case words joined by '-' (and not --help, which every "
                        + "command has); got '" + option.name() + "'");
            }
            options.put(option.name(), option);
            return this;
        }

        /** The command's body; returns the finished command. */
        public Command action(Action action) {
            if (summary.isEmpty()) {
                throw new IllegalStateException("The command " + name + " needs a summary: the line 'help' shows beside its name");
            }
            this.action = Objects.requireNonNull(action);
            return new Command(this);
        }
    }
}
