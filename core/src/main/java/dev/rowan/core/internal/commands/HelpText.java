package dev.rowan.core.internal.commands;

import dev.rowan.core.Command;

import java.util.Collection;

/** What {@code help} and {@code COMMAND --help} print. */
final class HelpText {
    private HelpText() {
    }

    static String of(Command command) {
        var sb = new StringBuilder("Usage: ").append(command.usage()).append("\n\n").append(command.summary()).append('\n');
        if (!command.description().isEmpty()) {
            sb.append('\n').append(command.description()).append('\n');
        }
        if (!command.options().isEmpty()) {
            sb.append("\nOptions:\n");
            int width = command.options().stream().mapToInt(o -> shown(o).length()).max().orElse(0);
            for (Command.Option o : command.options()) {
                sb.append("  ").append(pad(shown(o), width)).append("  ").append(o.help()).append('\n');
            }
        }
        return sb.toString();
    }

    static String list(Collection<Command> commands) {
        var sb = new StringBuilder("Usage: COMMAND [ARGUMENTS] [OPTIONS]    (no command: serve)\n\nCommands:\n");
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command c : commands) {
            sb.append("  ").append(pad(c.name(), width)).append("  ").append(c.summary()).append('\n');
        }
        return sb.append("\n'COMMAND --help' shows what one command takes.\n").toString();
    }

    private static String shown(Command.Option o) {
        return o.takesValue() ? o.name() + " " + o.valueName() : o.name();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
