package dev.rowan.db.internal.commands;

import dev.rowan.core.Command;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.internal.web.ConfiguredDatabases;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dbshell}: the database's own client (psql, mariadb, sqlite3) connected with the app's
 * settings, as Django's {@code manage.py dbshell}. Arguments after {@code --} go to the client.
 * A password travels in the client's environment ({@code PGPASSWORD}, {@code MYSQL_PWD}), never on
 * its command line, where any user of the machine could read it.
 */
public final class DbShell {
    private DbShell() {
    }

    /** The client's command line and the environment it needs. */
    record Client(List<String> argv, Map<String, String> environment) {
    }

    public static Command command(ConfiguredDatabases databases) {
        return Command.named("dbshell")
                .summary("Opens the database's own client (psql, mariadb, sqlite3) with the app's settings")
                .usage("dbshell [--database ALIAS] [-- CLIENT-ARGUMENTS]")
                .description("Arguments after -- are passed to the client, e.g. dbshell -- -c 'select 1' for psql.")
                .option("--database", "ALIAS", "the database.<alias>.url to connect to (default: database.url)")
                .action(call -> {
                    String alias = call.value("--database").orElse("default");
                    DatabaseUrl url = databases.urlOf(alias).orElseThrow(() -> Command.usageError("No database is configured as '" + alias
                            + "'; configured: " + String.join(", ", databases.aliases()) + "."));
                    return run(client(url, call.arguments()), call.out(), call.err());
                });
    }

    static Client client(DatabaseUrl url, List<String> extra) {
        var argv = new ArrayList<String>();
        Map<String, String> env = Map.of();
        switch (url.vendor()) {
            case "sqlite" -> argv.addAll(List.of("sqlite3", url.database()));
            case "postgresql" -> {
                argv.addAll(List.of("psql", "--host", url.host(), "--port", String.valueOf(url.port())));
                if (!url.user().isEmpty()) {
                    argv.addAll(List.of("--username", url.user()));
                }
                argv.addAll(List.of("--dbname", url.database()));
                env = url.password().isEmpty() ? Map.of() : Map.of("PGPASSWORD", url.password());
            }
            default -> {
                argv.addAll(List.of("mariadb", "--host", url.host(), "--port", String.valueOf(url.port()), "--protocol", "tcp"));
                if (!url.user().isEmpty()) {
                    argv.addAll(List.of("--user", url.user()));
                }
                argv.add(url.database());
                env = url.password().isEmpty() ? Map.of() : Map.of("MYSQL_PWD", url.password());
            }
        }
        argv.addAll(extra);
        return new Client(List.copyOf(argv), env);
    }

    /**
     * At a terminal the client takes over this process's input and output. When the command line
     * prints elsewhere (a test, a tool), the client's output is copied there and its input is empty.
     */
    private static int run(Client client, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(client.argv());
        builder.environment().putAll(client.environment());
        boolean terminal = out == System.out && err == System.err;
        if (terminal) {
            builder.inheritIO();
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw Command.failure(client.argv().getFirst() + " (the database's command-line client) is not installed or not on the PATH. "
                    + "Install it (for example: apt-get install " + packageOf(client.argv().getFirst()) + "), then run dbshell again.");
        }
        if (!terminal) {
            process.getOutputStream().close();
            Thread errors = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), err));
            copy(process.getInputStream(), out);
            errors.join();
        }
        return process.waitFor();
    }

    private static String packageOf(String client) {
        return switch (client) {
            case "psql" -> "postgresql-client";
            case "sqlite3" -> "sqlite3";
            default -> "mariadb-client";
        };
    }

    private static void copy(InputStream in, PrintStream to) {
        try (in) {
            in.transferTo(to);
            to.flush();
        } catch (IOException e) {
            to.println("(the client's output could not be read: " + e.getMessage() + ")");
        }
    }
}
