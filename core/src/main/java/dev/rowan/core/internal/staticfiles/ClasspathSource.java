package dev.rowan.core.internal.staticfiles;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Resources under one classpath prefix such as {@code static}. Only that prefix is reachable, and
 * class files never are, even if a build copies them there. Directories are not files: in jars
 * their entries are refused, on disk the path must be a regular file whose real path stays inside
 * the prefix folder.
 */
final class ClasspathSource implements StaticSource {
    private final ClassLoader loader;
    private final String prefix;

    ClasspathSource(ClassLoader loader, String prefix) {
        this.loader = loader;
        this.prefix = prefix;
    }

    @Override
    public Optional<Resource> find(String rel) throws IOException {
        String lower = rel.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".class") || lower.contains(".class/")) {
            return Optional.empty();
        }
        URL url = loader.getResource(prefix + "/" + rel);
        if (url == null) {
            return Optional.empty();
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return switch (url.getProtocol()) {
            case "file" -> onDisk(url, rel);
            case "jar" -> inJar(url, name);
            default -> Optional.of(UrlResource.of(url, name, url.openConnection()));
        };
    }

    private Optional<Resource> onDisk(URL url, String rel) throws IOException {
        Path file;
        try {
            file = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Path mountRoot = file;
        for (int i = rel.split("/").length; i > 0 && mountRoot != null; i--) {
            mountRoot = mountRoot.getParent();
        }
        if (mountRoot == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Path real;
        try {
            real = file.toRealPath();
            if (!real.startsWith(mountRoot.toRealPath())) {
                return Optional.empty();
            }
        } catch (java.nio.file.FileSystemException e) {
            return Optional.empty();
        }
        return PathResource.of(real).map(r -> r);
    }

    private static Optional<Resource> inJar(URL url, String name) throws IOException {
        URLConnection conn = url.openConnection();
        if (conn instanceof JarURLConnection jar) {
            var entry = jar.getJarEntry();
            if (entry == null || entry.isDirectory()) {
                return Optional.empty();
            }
            if (entry.getSize() < 0) {
                return Optional.of(UrlResource.of(url, name, conn));
            }
            return Optional.of(new UrlResource(url, name, entry.getSize(), Math.max(0, entry.getTime())));
        }
        return Optional.of(UrlResource.of(url, name, conn));
    }

    @Override
    public Optional<String> setupProblem() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "classpath:" + prefix;
    }
}
