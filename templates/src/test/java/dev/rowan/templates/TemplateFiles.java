package dev.rowan.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes template files for a test into a temporary folder. */
final class TemplateFiles {
    private final Path root;

    TemplateFiles(Path root) {
        this.root = root;
    }

    TemplateFiles write(String name, String text) {
        try {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    /** Templates reading only this folder, so the classpath's test templates cannot interfere. */
    Templates.Builder builder() {
        return Templates.builder().classpath(false).folder(root);
    }
}
