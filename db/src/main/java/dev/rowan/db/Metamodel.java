package dev.rowan.db;

import dev.rowan.db.internal.metamodel.MetamodelSource;
import dev.rowan.db.internal.metamodel.ModelClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Generates the metamodel classes behind type-safe queries: for each model, a {@code <Model>_}
 * class beside it with one {@link dev.rowan.db.Path} constant per field and a
 * {@link RelationPath} per relation (reverse relations included). The generated files are checked
 * in; {@link #check} (or {@code --check} on the command line) fails a build whose models changed
 * without regenerating, the way a forgotten migration would.
 *
 * <pre>{@code
 * Metamodel.generate(Path.of("src/main/java"), Question.META, Choice.META);   // writes Question_.java, Choice_.java
 * assertThat(Metamodel.check(Path.of("src/main/java"), Question.META, Choice.META)).isEmpty();
 * // or from a build step / the IDE:
 * // java -cp ... dev.rowan.db.Metamodel [--check] src/main/java com.example.polls.Question com.example.polls.Choice
 * Choice.objects.filter(Choice_.question.then(Question_.pubDate).year().eq(2026));
 * }</pre>
 *
 * <p>Pass every model of an application in one call: reverse relations are only generated from the
 * models generated together, so the output never depends on what else happens to be loaded.
 */
public final class Metamodel {
    private Metamodel() {
    }

    /**
     * Writes {@code <Model>_.java} for each model under {@code sourceRoot} (in the model's package
     * folder), leaving files whose content is already right untouched.
     *
     * @return every metamodel file, in the order of {@code models}
     */
    public static List<Path> generate(Path sourceRoot, ModelMeta<?>... models) {
        List<ModelMeta<?>> all = List.of(models);
        List<Path> files = new ArrayList<>();
        for (ModelMeta<?> model : all) {
            Path file = MetamodelSource.file(sourceRoot, model);
            String source = MetamodelSource.render(model, all);
            if (!source.equals(read(file))) {
                write(file, source);
            }
            files.add(file);
        }
        return List.copyOf(files);
    }

    /**
     * The metamodel files under {@code sourceRoot} that are missing or differ from what
     * {@link #generate} would write now; empty when everything is up to date. Line endings are
     * ignored, so a checkout with CRLF endings is not stale.
     */
    public static List<Path> check(Path sourceRoot, ModelMeta<?>... models) {
        List<ModelMeta<?>> all = List.of(models);
        List<Path> stale = new ArrayList<>();
        for (ModelMeta<?> model : all) {
            Path file = MetamodelSource.file(sourceRoot, model);
            if (!MetamodelSource.render(model, all).equals(read(file).replace("\r\n", "\n"))) {
                stale.add(file);
            }
        }
        return List.copyOf(stale);
    }

    /**
     * Command line: {@code [--check] <source-root> <model class>...}. Without {@code --check} it
     * regenerates; with it, it throws (failing an {@code exec:java} build step) when a file is stale.
     * Errors are exceptions rather than {@code System.exit}, so it is safe inside a build tool's JVM.
     */
    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean checkOnly = rest.remove("--check");
        if (rest.size() < 2) {
            throw new IllegalArgumentException("db.E200: usage: java dev.rowan.db.Metamodel [--check] <source-root> "
                    + "<model class>... (e.g. src/main/java com.example.polls.Question com.example.polls.Choice)");
        }
        Path root = Path.of(rest.get(0));
        ClassLoader loader = loader();
        ModelMeta<?>[] models = rest.subList(1, rest.size()).stream()
                .map(name -> ModelClasses.load(name, loader)).toArray(ModelMeta<?>[]::new);
        if (checkOnly) {
            List<Path> stale = check(root, models);
            if (!stale.isEmpty()) {
                throw new IllegalStateException("db.E205: metamodel files are missing or out of date: "
                        + stale.stream().map(p -> p.toAbsolutePath().toString()).toList()
                        + "; regenerate them with: java dev.rowan.db.Metamodel " + String.join(" ", rest));
            }
            System.out.println("Metamodel up to date: " + models.length + " model(s) under " + root);
        } else {
            List<Path> files = generate(root, models);
            System.out.println("Metamodel generated: " + files.size() + " file(s) under " + root);
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Metamodel.class.getClassLoader();
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("db.E208: cannot read " + file, e);
        }
    }

    private static void write(Path file, String source) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("db.E208: cannot write " + file, e);
        }
    }
}
