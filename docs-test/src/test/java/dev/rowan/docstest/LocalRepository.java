package dev.rowan.docstest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private Maven repository holding the Rowan modules this build just compiled, so a scratch
 * project resolves them, and not whatever an earlier {@code install} left in the user's repository.
 * Everything else comes from the user's repository, read-only, as its tail.
 */
final class LocalRepository {
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private LocalRepository() {
    }

    /**
     * Installs the parent and BOM poms from {@code repoRoot} and every Rowan module on this test's
     * class path (a {@code target/classes} folder in a reactor build, a jar otherwise) into {@code into}.
     */
    static void install(Path repoRoot, Path into) throws IOException {
        installPom(repoRoot.resolve("pom.xml"), "rowan-parent", into);
        installPom(repoRoot.resolve("bom/pom.xml"), "rowan-bom", into);
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))) {
                Path pom = p.getParent().getParent().resolve("pom.xml");
                String artifactId = artifactId(pom);
                if (artifactId.startsWith("rowan-")) {
                    installPom(pom, artifactId, into);
                    jar(p, artifactFile(into, artifactId, "jar"));
                }
            } else if (p.toString().contains("/dev/rowan/") && p.toString().endsWith(".jar")) {
                String name = p.getParent().getParent().getFileName().toString();
                installPom(p.resolveSibling(name + "-" + VERSION + ".pom"), name, into);
                Files.copy(p, artifactFile(into, name, "jar"));
            }
        }
    }

    /** The user's repository: where this test's own dependencies were resolved from. */
    static Path userRepository() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            int at = entry.indexOf("/org/junit/");
            if (at > 0 && entry.endsWith(".jar")) {
                return Path.of(entry.substring(0, at));
            }
        }
        throw new IllegalStateException("JUnit is not on the class path as a jar of a Maven repository");
    }

    static String artifactId(Path pom) throws IOException {
        Matcher m = ARTIFACT_ID.matcher(PARENT.matcher(Files.readString(pom)).replaceFirst(""));
        if (!m.find()) {
            throw new IllegalStateException(pom + " has no artifactId");
        }
        return m.group(1);
    }

    private static void installPom(Path pom, String artifactId, Path into) throws IOException {
        Files.copy(pom, artifactFile(into, artifactId, "pom"));
    }

    private static Path artifactFile(Path repo, String artifactId, String extension) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/rowan").resolve(artifactId).resolve(VERSION));
        return dir.resolve(artifactId + "-" + VERSION + "." + extension);
    }

    private static void jar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file, manifest);
             Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static List<String> mavenArguments(Path head, Path tail) {
        return List.of("-Dmaven.repo.local=" + head, "-Dmaven.repo.local.tail=" + tail);
    }
}
