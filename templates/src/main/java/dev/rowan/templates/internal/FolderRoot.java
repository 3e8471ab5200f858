package dev.rowan.templates.internal;

import dev.rowan.templates.spi.TemplateRoot;
import dev.rowan.templates.spi.TemplateSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Templates in a folder on disk; the version is the file's mtime and size, so edits are seen in development. */
public final class FolderRoot implements TemplateRoot {
    private final Path folder;

    public FolderRoot(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Optional<TemplateSource> find(String name) {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            long version = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) * 31 + attributes.size();
            return Optional.of(TemplateSource.of(file.toString(), version,
                    () -> Files.newBufferedReader(file, StandardCharsets.UTF_8)));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("templates: cannot read " + file, e);
        }
    }

    @Override
    public String description() {
        return "folder " + folder;
    }
}
