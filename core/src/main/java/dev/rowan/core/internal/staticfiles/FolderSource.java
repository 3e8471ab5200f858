package dev.rowan.core.internal.staticfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files under a folder. The real path of every file (all links followed) must lie inside the
 * real path of the root, so a symbolic link cannot lead outside it.
 */
final class FolderSource implements StaticSource {
    private final Path root;
    private volatile Path realRoot;

    FolderSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Resource> find(String rel) throws IOException {
        Path real;
        Path base = realRoot();
        if (base == null) {
            return Optional.empty();
        }
        try {
            real = root.resolve(rel).toRealPath();
        } catch (java.nio.file.FileSystemException e) {
            return Optional.empty();
        }
        if (!real.startsWith(base) || real.equals(base)) {
            return Optional.empty();
        }
        return PathResource.of(real).map(r -> r);
    }

    private Path realRoot() throws IOException {
        Path r = realRoot;
        if (r == null && Files.isDirectory(root)) {
            r = root.toRealPath();
            realRoot = r;
        }
        return r;
    }

    @Override
    public Optional<String> setupProblem() {
        return Files.isDirectory(root) ? Optional.empty() : Optional.of("The static folder " + root + " does not exist or is not a folder.");
    }

    @Override
    public String describe() {
        return "folder " + root;
    }
}
