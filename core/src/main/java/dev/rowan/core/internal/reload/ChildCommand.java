package dev.rowan.core.internal.reload;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to start the child JVM (java, options, class path, main class, arguments, the marker variable),
 * which folders to watch for it, and the main class's file when it lives in one of those folders.
 */
public record ChildCommand(List<String> command, String markerVariable, List<Path> watchedRoots, Optional<Path> mainClassFile) {

    /**
     * False while the main class's file is missing or empty: a build is rewriting the output folder
     * (Maven's compiler deletes the classes before it writes new ones), and a child started now would
     * fail with ClassNotFoundException. True when the main class comes from a jar.
     */
    public boolean mainClassReady() {
        return mainClassFile.map(f -> {
            try {
                return Files.isRegularFile(f) && Files.size(f) > 0;
            } catch (java.io.IOException e) {
                return false; // deleted between the two calls: still being rebuilt
            }
        }).orElse(true);
    }

    /**
     * The child of this JVM: same java and JVM options, and the class path {@code mainClass} was
     * loaded from. That is not always {@code java.class.path}: a launcher that runs the app inside its
     * own JVM (Maven's {@code exec:java}, an IDE's runner) loads it through a class loader of its own,
     * and {@code java.class.path} is then the launcher's.
     */
    public static ChildCommand forThisJvm(Class<?> mainClass, List<String> args, String marker) {
        String classPath = classPathOf(mainClass.getClassLoader(), System.getProperty("java.class.path", ""));
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A debugger agent would try to listen on the parent's port again, so the child goes without it.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp"))
                .forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return new ChildCommand(List.copyOf(cmd), marker, watchedRoots(classPath, Path.of("")), classFile(mainClass.getName(), classPath));
    }

    /** Where {@code mainClass}'s class file is in a class-path folder; empty when it comes from a jar. */
    static Optional<Path> classFile(String mainClass, String classPath) {
        String relative = mainClass.replace('.', '/') + ".class";
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                .filter(Files::isDirectory).map(dir -> dir.resolve(relative).toAbsolutePath().normalize())
                .filter(Files::isRegularFile).findFirst();
    }

    /**
     * The folders and jars of the URL class loaders between {@code loader} and the system class loader,
     * in delegation order (parents first); {@code jvmClassPath} when the app was loaded by the system
     * class loader itself, as with {@code java -cp}.
     */
    static String classPathOf(ClassLoader loader, String jvmClassPath) {
        var chain = new ArrayList<URLClassLoader>();
        for (ClassLoader l = loader; l != null && l != ClassLoader.getSystemClassLoader(); l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                chain.addFirst(urls);
            }
        }
        List<String> entries = chain.stream().flatMap(l -> Arrays.stream(l.getURLs())).map(ChildCommand::localPath)
                .flatMap(Optional::stream).distinct().toList();
        return entries.isEmpty() ? jvmClassPath : String.join(File.pathSeparator, entries);
    }

    private static Optional<String> localPath(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Optional.of(Path.of(url.toURI()).toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty(); // not a local file: a child JVM could not use it either
        }
    }

    /**
     * The class-path folders, plus {@code src/main/resources} next to each Maven/Gradle output folder
     * and in the working directory: editing a template or properties file there restarts the app too.
     */
    static List<Path> watchedRoots(String classPath, Path workingDir) {
        Set<Path> roots = new LinkedHashSet<>();
        Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize())
                .filter(Files::isDirectory)
                .forEach(dir -> {
                    roots.add(dir);
                    moduleResources(dir).ifPresent(roots::add);
                });
        Path own = workingDir.resolve("src/main/resources").toAbsolutePath().normalize();
        if (Files.isDirectory(own)) {
            roots.add(own);
        }
        return List.copyOf(roots);
    }

    private static Optional<Path> moduleResources(Path outputDir) {
        // target/classes or target/test-classes -> ../../src/main/resources
        Path module = outputDir.getParent() == null ? null : outputDir.getParent().getParent();
        return Optional.ofNullable(module).map(m -> m.resolve("src/main/resources")).filter(Files::isDirectory);
    }
}
