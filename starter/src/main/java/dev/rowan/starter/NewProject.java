package dev.rowan.starter;

import dev.rowan.starter.internal.Layout;
import dev.rowan.starter.internal.ProjectName;
import dev.rowan.starter.internal.ProjectWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rowan new DIR --small}: writes a new Rowan application into an empty or missing folder.
 * The launcher script at the root of a Rowan checkout ({@code ./rowan}) installs Rowan into the
 * local Maven repository first, then runs this class:
 *
 * <pre>{@code
 * ./rowan new ../blog --small      # blog/ with pom.xml, mvnw, manage, README.md, an app, a template, a test
 * cd ../blog && ./manage run       # http://127.0.0.1:8000
 * }</pre>
 */
public final class NewProject {
    static final String USAGE = "Usage: rowan new DIR --small [--package NAME]";

    private NewProject() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Path.of(System.getProperty("rowan.home", ".")), System.out, System.err));
    }

    /** Writes the project; returns the exit status (0 done, 1 refused, 2 called the wrong way). */
    public static int run(List<String> args, Path rowanHome, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        if (rest.isEmpty() || !rest.removeFirst().equals("new") || rest.contains("--help")) {
            (rest.contains("--help") ? out : err).println(USAGE + "\n\n  --small         a one-file app with a template and a test "
                    + "(Flask-sized)\n  --package NAME  the Java package (default: from DIR's name)");
            return rest.contains("--help") ? 0 : 2;
        }
        boolean small = rest.remove("--small");
        Optional<String> packageName;
        try {
            packageName = takeValue(rest, "--package");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (rest.size() != 1 || rest.getFirst().startsWith("-")) {
            err.println(rest.isEmpty() ? "Name the folder for the new project. " + USAGE : "Unexpected " + rest + ". " + USAGE);
            return 2;
        }
        if (!small) {
            err.println("Only the small layout exists so far: add --small for a one-file app with a template and a test. "
                    + "The full layout (models, migrations, settings per profile) needs the migrations module.");
            return 2;
        }
        Path dir = Path.of(rest.getFirst()).toAbsolutePath().normalize();
        try {
            ProjectName name = packageName.isPresent() ? ProjectName.of(dir, packageName.get()) : ProjectName.of(dir);
            refuseNonEmpty(dir);
            List<Path> written = ProjectWriter.write(dir, name, Layout.SMALL, rowanHome);
            out.println("Created " + dir + " (" + written.size() + " files): a Rowan app, " + name.mainClass() + ".");
            out.println();
            out.println("  cd " + dir);
            out.println("  ./manage run     # serves on http://127.0.0.1:8000 and restarts when you recompile");
            out.println("  ./mvnw test      # runs its tests");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not write the project into " + dir + ": " + e);
            return 1;
        }
    }

    private static Optional<String> takeValue(List<String> args, String option) {
        int at = args.indexOf(option);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value. " + USAGE);
        }
        args.remove(at);
        return Optional.of(args.remove(at));
    }

    private static void refuseNonEmpty(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file; name a new folder.");
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; name a new or empty folder, so nothing of yours is overwritten.");
                }
            }
        }
    }
}
