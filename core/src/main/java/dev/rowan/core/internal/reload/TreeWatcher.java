package dev.rowan.core.internal.reload;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

/**
 * Watches folder trees (new subfolders included) and reports a change once the files have been
 * quiet for a moment: a compiler writes many class files in a burst, and one restart should follow.
 */
final class TreeWatcher implements Closeable {
    private final WatchService service;
    private final Duration quiet;

    TreeWatcher(List<Path> roots, Duration quiet) {
        this.quiet = quiet;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            for (Path root : roots) {
                registerTree(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not watch " + roots + " for changes", e);
        }
    }

    /** Blocks until something changed and then stayed quiet; the first changed path. Empty once closed. */
    Optional<Path> awaitChange() throws InterruptedException {
        try {
            Path first = drain(service.take());
            WatchKey more;
            while ((more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                Path p = drain(more);
                first = first == null ? p : first;
            }
            return Optional.ofNullable(first).or(() -> Optional.of(Path.of("(unknown)")));
        } catch (ClosedWatchServiceException e) {
            return Optional.empty();
        }
    }

    private Path drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        Path first = null;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                registerQuietly(changed);
            }
            first = first == null ? changed : first;
        }
        key.reset();
        return first;
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException e) {
            // A folder that vanished right after it appeared has nothing left to watch.
        }
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Closing only releases OS handles; nothing to recover.
        }
    }
}
