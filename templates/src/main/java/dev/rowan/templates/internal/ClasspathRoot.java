package dev.rowan.templates.internal;

import dev.rowan.templates.spi.TemplateRoot;
import dev.rowan.templates.spi.TemplateSource;

import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Templates under {@code templates/} of a class loader (an application's or a module's). */
public final class ClasspathRoot implements TemplateRoot {
    private static final String PREFIX = "templates/";
    private final ClassLoader loader;
    private final String label;

    public ClasspathRoot(ClassLoader loader, String label) {
        this.loader = loader;
        this.label = label;
    }

    @Override
    public Optional<TemplateSource> find(String name) {
        URL url = loader.getResource(PREFIX + name);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(TemplateSource.of(url.toString(), versionOf(url),
                () -> new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)));
    }

    @Override
    public String description() {
        return label + " (classpath " + PREFIX + ")";
    }

    /** Exploded classes folders change while developing; resources inside jars do not, until a restart. */
    private static long versionOf(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return 0;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(Path.of(url.toURI()), BasicFileAttributes.class);
            return attributes.lastModifiedTime().toMillis() * 31 + attributes.size();
        } catch (URISyntaxException | java.io.IOException | IllegalArgumentException e) {
            return 0;
        }
    }
}
