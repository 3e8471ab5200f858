package dev.rowan.core.internal.reload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DevReloadPartsTest {
    @TempDir
    Path dir;

    @Test
    void watchesClassFoldersAndTheModulesResourcesButNotJars() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("app/target/classes"));
        Path testClasses = Files.createDirectories(dir.resolve("app/target/test-classes"));
        Path resources = Files.createDirectories(dir.resolve("app/src/main/resources"));
        Path jar = Files.writeString(dir.resolve("lib.jar"), "");
        String cp = String.join(File.pathSeparator, classes.toString(), jar.toString(), testClasses.toString(), dir.resolve("missing").toString());
        assertThat(ChildCommand.watchedRoots(cp, dir.resolve("elsewhere"))).containsExactly(classes, resources, testClasses);
    }

    @Test
    void theChildRunsTheSameMainWithTheSameClassPathAndArguments() {
        ChildCommand c = ChildCommand.forThisJvm(DevReloadPartsTest.class, java.util.List.of("a", "b"), "MARK");
        assertThat(c.command().getFirst()).endsWith(File.separator + "java");
        assertThat(c.command()).containsSubsequence("-cp", System.getProperty("java.class.path"), DevReloadPartsTest.class.getName(), "a", "b");
        assertThat(c.command()).noneMatch(a -> a.startsWith("-agentlib:jdwp"));
        assertThat(c.markerVariable()).isEqualTo("MARK");
    }

    @Test
    void anAppLoadedByALaunchersOwnClassLoaderKeepsThatClassPath() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("app/target/classes"));
        Path lib = Files.writeString(dir.resolve("lib.jar"), "");
        Path parentLib = Files.writeString(dir.resolve("parent.jar"), "");
        try (var parent = new java.net.URLClassLoader(new java.net.URL[] {parentLib.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             var app = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL(), lib.toUri().toURL()}, parent)) {
            assertThat(ChildCommand.classPathOf(app, "launcher.jar"))
                    .isEqualTo(String.join(File.pathSeparator, parentLib.toString(), classes.toString(), lib.toString()));
        }
        assertThat(ChildCommand.classPathOf(ClassLoader.getSystemClassLoader(), "app.jar")).isEqualTo("app.jar");
    }

    @Test
    void aChangeInANewSubfolderIsSeen() throws Exception {
        Path root = Files.createDirectories(dir.resolve("classes"));
        try (var watcher = new TreeWatcher(java.util.List.of(root), Duration.ofMillis(50))) {
            Path sub = Files.createDirectories(root.resolve("com/example"));
            assertThat(await(watcher)).isPresent();
            Path file = Files.writeString(sub.resolve("A.class"), "x");
            assertThat(await(watcher)).hasValueSatisfying(p -> assertThat(p.startsWith(root)).isTrue());
            Files.writeString(file, "y");
            assertThat(await(watcher)).contains(file);
        }
    }

    @Test
    void closingTheWatcherEndsTheWait() throws Exception {
        var watcher = new TreeWatcher(java.util.List.of(Files.createDirectories(dir.resolve("c"))), Duration.ofMillis(50));
        CompletableFuture<Optional<java.nio.file.Path>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.awaitChange();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    private static Optional<Path> await(TreeWatcher watcher) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.awaitChange();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
