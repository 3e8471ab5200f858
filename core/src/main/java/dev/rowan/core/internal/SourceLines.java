package dev.rowan.core.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Java source of a stack frame for the debug page. A class loaded from a build's output
 * folder ({@code <module>/target/classes} or {@code target/test-classes}, Maven's and Gradle's
 * {@code build/classes/java/main}) has its source beside it under {@code src/main/java} or
 * {@code src/test/java}; a class from a jar has none to show. One instance per page: files read are
 * kept for the frames that follow.
 */
final class SourceLines {
    static final int CONTEXT = 4;

    private final Map<String, Optional<List<String>>> files = new HashMap<>();

    /** The numbered lines around the frame's line, or empty when its source is not on this machine. */
    Optional<Excerpt> around(StackTraceElement frame) {
        if (frame.getFileName() == null || frame.getLineNumber() < 1) {
            return Optional.empty();
        }
        Optional<List<String>> lines = files.computeIfAbsent(frame.getClassName() + "/" + frame.getFileName(), k -> read(frame));
        return lines.filter(l -> frame.getLineNumber() <= l.size()).map(l -> Excerpt.of(l, frame.getLineNumber()));
    }

    /** Lines {@code first}..{@code first + lines.size() - 1}; {@code line} is the frame's. */
    record Excerpt(int first, int line, List<String> lines) {
        static Excerpt of(List<String> all, int line) {
            int from = Math.max(1, line - CONTEXT);
            int to = Math.min(all.size(), line + CONTEXT);
            return new Excerpt(from, line, List.copyOf(all.subList(from - 1, to)));
        }
    }

    private static Optional<List<String>> read(StackTraceElement frame) {
        return sourceFile(frame).flatMap(f -> {
            try {
                return Optional.of(Files.readAllLines(f, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Path> sourceFile(StackTraceElement frame) {
        Optional<Path> output = outputFolder(frame.getClassName());
        if (output.isEmpty()) {
            return Optional.empty();
        }
        String className = frame.getClassName();
        int dot = className.lastIndexOf('.');
        String relative = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + frame.getFileName();
        return sourceRoot(output.get()).map(root -> root.resolve(relative)).filter(Files::isRegularFile);
    }

    private static Optional<Path> outputFolder(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, false, loader != null ? loader : SourceLines.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isDirectory(location) ? Optional.of(location) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError | URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code target/classes} → {@code src/main/java}; {@code target/test-classes} → {@code src/test/java}. */
    static Optional<Path> sourceRoot(Path output) {
        Path name = output.getFileName();
        Path parent = output.getParent();
        if (name == null || parent == null) {
            return Optional.empty();
        }
        String kind = switch (name.toString()) {
            case "classes", "main" -> "main";
            case "test-classes", "test" -> "test";
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        // Maven: <module>/target/classes; Gradle: <module>/build/classes/java/main.
        boolean gradle = parent.getFileName() != null && parent.getFileName().toString().equals("java");
        Path module = up(output, gradle ? 4 : 2);
        return module == null ? Optional.empty() : Optional.of(module.resolve("src").resolve(kind).resolve("java"));
    }

    private static Path up(Path p, int levels) {
        Path at = p;
        for (int i = 0; i < levels && at != null; i++) {
            at = at.getParent();
        }
        return at;
    }
}
