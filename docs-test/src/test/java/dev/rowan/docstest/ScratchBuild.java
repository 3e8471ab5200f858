package dev.rowan.docstest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Builds the reader's projects, one folder per page, in one offline Maven run against a private
 * repository of the freshly compiled Rowan modules: what a reader gets after installing Rowan and
 * typing the page into an empty folder.
 */
final class ScratchBuild {
    private ScratchBuild() {
    }

    /** Writes {@code files} (path in the project → text) into {@code project}. */
    static void write(Path project, Map<String, String> files) throws IOException {
        for (var f : files.entrySet()) {
            Path target = project.resolve(f.getKey()).normalize();
            if (!target.startsWith(project)) {
                throw new IllegalArgumentException("A file marker leaves the project: " + f.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue());
        }
    }

    /**
     * Runs {@code mvnw package} once over every project (an aggregator pom lists them) and returns
     * Maven's output; throws with that output when the build fails.
     */
    static String packageAll(Path repoRoot, Path work, List<Path> projects, Path localRepo) throws IOException, InterruptedException {
        String modules = projects.stream().map(p -> "    <module>" + work.relativize(p) + "</module>")
                .collect(Collectors.joining("\n"));
        Files.writeString(work.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>docs.scratch</groupId><artifactId>all-pages</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <modules>
                %s
                  </modules>
                </project>
                """.formatted(modules));
        List<String> command = new ArrayList<>(List.of(repoRoot.resolve("mvnw").toString(), "-o", "-q", "-B", "-T", "2",
                "-f", work.resolve("pom.xml").toString()));
        command.addAll(LocalRepository.mavenArguments(localRepo, LocalRepository.userRepository()));
        command.add("package");
        Path log = work.resolve("maven.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("ROWAN_PROFILE");
        pb.environment().remove("MAVEN_ARGS");
        Process maven = pb.start();
        if (!maven.waitFor(5, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new IllegalStateException("The scratch build did not finish within 5 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        if (maven.exitValue() != 0) {
            throw new AssertionError("The pages' projects do not build (mvnw package, exit " + maven.exitValue() + "):\n" + output);
        }
        return output;
    }
}
