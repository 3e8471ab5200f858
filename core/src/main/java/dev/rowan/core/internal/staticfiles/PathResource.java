package dev.rowan.core.internal.staticfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** A regular file on disk, with its size and modification time read once. */
record PathResource(Path path, long size, long lastModified) implements Resource {

    /** The file at {@code path} when it is a regular file (after following links). */
    static Optional<PathResource> of(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (java.nio.file.FileSystemException e) {
            return Optional.empty();
        }
        if (!attrs.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new PathResource(path, attrs.size(), attrs.lastModifiedTime().toMillis()));
    }

    @Override
    public String name() {
        return path.getFileName().toString();
    }

    @Override
    public String identity() {
        return path.toString();
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public void copyRange(OutputStream out, long start, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.position(start);
            Resource.copy(Channels.newInputStream(ch), out, length);
        }
    }
}
