package dev.rowan.buildcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of the repository: every pom.xml (by folder) and every .java file, found by walking
 * the tree rather than trusting the module lists, so a module left out of the reactor is still checked.
 *
 * <pre>{@code
 * Repo repo = Repo.scan(Path.of("/work/main"));
 * repo.poms().keySet();   // "", "core", "examples/csv2xlsx", ...
 * }</pre>
 */
public final class Repo {
    private static final Set<String> SKIPPED = Set.of("target", "node_modules");

    private final Path root;
    private final Map<String, Pom> poms;
    private final List<String> javaFiles;

    private Repo(Path root, Map<String, Pom> poms, List<String> javaFiles) {
        this.root = root;
        this.poms = poms;
        this.javaFiles = javaFiles;
    }

    public static Repo scan(Path root) {
        Path r = root.toAbsolutePath().normalize();
        var folders = new ArrayList<String>();
        var java = new ArrayList<String>();
        walk(r, folders, java);
        folders.sort(Comparator.naturalOrder());
        java.sort(Comparator.naturalOrder());
        var poms = new LinkedHashMap<String, Pom>();
        folders.forEach(f -> poms.put(f, Pom.read(r, f)));
        return new Repo(r, poms, List.copyOf(java));
    }

    public Path root() {
        return root;
    }

    /** Every pom by its folder relative to the root ("" is the parent pom). */
    public Map<String, Pom> poms() {
        return poms;
    }

    /** Every .java file relative to the root, with '/' separators. */
    public List<String> javaFiles() {
        return javaFiles;
    }

    /** The module a file belongs to: the nearest folder above it with a pom.xml. */
    public String moduleOf(String file) {
        String f = file;
        while (f.contains("/")) {
            f = f.substring(0, f.lastIndexOf('/'));
            if (poms.containsKey(f)) {
                return f;
            }
        }
        return "";
    }

    /** The module folders the parent pom lists, following nested aggregators (profiles included). */
    public List<String> listedModules() {
        var out = new ArrayList<String>();
        addListed("", out);
        return out;
    }

    private void addListed(String folder, List<String> out) {
        Optional.ofNullable(poms.get(folder)).ifPresent(p -> p.modules().forEach(m -> {
            if (!out.contains(m)) {
                out.add(m);
                addListed(m, out);
            }
        }));
    }

    public String read(String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(Path root, List<String> pomFolders, List<String> javaFiles) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    if (file.getFileName().toString().equals("pom.xml")) {
                        pomFolders.add(rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "");
                    } else if (rel.endsWith(".java")) {
                        javaFiles.add(rel);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
