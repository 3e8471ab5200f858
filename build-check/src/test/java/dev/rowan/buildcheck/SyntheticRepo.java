package dev.rowan.buildcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A throw-away repository tree in a temp dir, checked against the real tables in build-check/. */
final class SyntheticRepo {
    private final Path root;

    SyntheticRepo(Path root) {
        this.root = root;
    }

    static Path realRoot() {
        return Path.of(System.getProperty("rowan.root", "..")).toAbsolutePath().normalize();
    }

    /** The parent pom, listing {@code modules}. */
    SyntheticRepo parent(String... modules) {
        String list = Arrays.stream(modules).map(m -> "<module>" + m + "</module>").collect(Collectors.joining());
        return write("pom.xml", project("<groupId>dev.rowan</groupId><artifactId>rowan-parent</artifactId><packaging>pom</packaging><modules>"
                + list + "</modules>"));
    }

    /** A module at {@code folder} with artifactId {@code artifactId} and the given dependency XML. */
    SyntheticRepo module(String folder, String artifactId, String dependencies) {
        return write(folder + "/pom.xml", project("<parent><groupId>dev.rowan</groupId><artifactId>rowan-parent</artifactId></parent>"
                + "<artifactId>" + artifactId + "</artifactId><dependencies>" + dependencies + "</dependencies>"));
    }

    static String dep(String group, String artifact, String scope) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (scope.isEmpty() ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }

    static String rowan(String module, String scope) {
        return dep("dev.rowan", "rowan-" + module, scope);
    }

    SyntheticRepo write(String file, String text) {
        try {
            Path p = root.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BuildCheck check() {
        Path tables = realRoot().resolve("build-check");
        return BuildCheck.of(root, tables.resolve("layers.properties"), tables.resolve("third-party.properties"));
    }

    private static String project(String body) {
        return "<?xml version=\"1.0\"?><project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + body + "</project>";
    }
}
