package dev.rowan.core.internal.reload;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to start the child JVM (java, options, class path, main class, arguments, the marker variable)
 * and which folders to watch for it.
 */
public record ChildCommand(List<String> command, String markerVariable, List<Path> watchedRoots) {

    /** The child of this JVM: same java, JVM options and class path. */
    public static ChildCommand forThisJvm(String mainClass, List<String> args, String marker) {
        String classPath = System.getProperty("java.class.path", "");
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A debugger agent would try to listen on the parent's port again, so the child goes without it.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp"))
                .forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return new ChildCommand(List.copyOf(cmd), marker, watchedRoots(classPath, Path.of("")));
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

    private static java.util.Optional<Path> moduleResources(Path outputDir) {
        // target/classes or target/test-classes -> ../../src/main/resources
        Path module = outputDir.getParent() == null ? null : outputDir.getParent().getParent();
        return java.util.Optional.ofNullable(module).map(m -> m.resolve("src/main/resources")).filter(Files::isDirectory);
    }
}
