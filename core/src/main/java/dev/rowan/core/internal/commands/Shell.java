package dev.rowan.core.internal.commands;

import dev.rowan.core.App;
import dev.rowan.core.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code shell}: JShell inside the app's own JVM, with {@code app} bound to the app as {@code main}
 * set it up and the packages of the core, of every installed module and of the main class
 * imported, as Django's {@code manage.py shell} loads the project. Snippets run in this JVM
 * ({@code --execution local}), so they see the same settings, services and databases.
 */
public final class Shell {
    private static volatile App current;

    private Shell() {
    }

    /** What the shell's {@code app} variable is bound to; public for the shell's startup snippet only. */
    public static App current() {
        return current;
    }

    static Command command(Supplier<Set<String>> packages) {
        return Command.named("shell")
                .summary("Opens JShell with the app loaded: 'app' is the app, its packages are imported")
                .description("Snippets run in this process, with the app's settings and databases. /exit leaves.")
                .action(call -> run(call.app(), packages.get(), System.in, call.out(), call.err()));
    }

    private static int run(App app, Set<String> packages, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
            throw Command.failure("This Java runtime has no JShell (the jdk.jshell module): run the shell with a full JDK, not a JRE.");
        }
        current = app;
        Path startup = Files.createTempFile("rowan-shell", ".jsh");
        try {
            Files.writeString(startup, startupSnippets(packages), StandardCharsets.UTF_8);
            var builder = jdk.jshell.tool.JavaShellToolBuilder.builder().in(in, null).out(out).err(err)
                    .interactiveTerminal(System.console() != null && out == System.out);
            List<String> args = List.of("--execution", "local", "--class-path", System.getProperty("java.class.path"),
                    "--startup", "DEFAULT", "--startup", startup.toString());
            return builder.start(args.toArray(String[]::new));
        } catch (Exception e) {
            throw Command.failure("The shell could not start: " + e.getMessage());
        } finally {
            current = null;
            Files.deleteIfExists(startup);
        }
    }

    static String startupSnippets(Set<String> packages) {
        var lines = new ArrayList<String>();
        lines.add("import dev.rowan.core.*;");
        packages.stream().filter(p -> !p.isEmpty() && !p.equals("dev.rowan.core")).forEach(p -> lines.add("import " + p + ".*;"));
        lines.add("var app = " + Shell.class.getName() + ".current();");
        return String.join("\n", lines) + "\n";
    }

    /** The package of a class name, empty for the unnamed package. */
    public static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
