package dev.rowan.starter.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Writes a layout's templates, with the project's names filled in, and the Maven wrapper. */
public final class ProjectWriter {
    private static final List<String> WRAPPER = List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties");

    private ProjectWriter() {
    }

    /** Returns the files written, in order. */
    public static List<Path> write(Path dir, ProjectName name, Layout layout, Path rowanHome) throws IOException {
        Map<String, String> values = Map.of(
                "@@artifact@@", name.artifact(),
                "@@package@@", name.packageName(),
                "@@package_path@@", name.packageName().replace('.', '/'),
                "@@class@@", name.className(),
                "@@title@@", name.title(),
                "@@main_class@@", name.mainClass());
        var written = new ArrayList<Path>();
        for (Layout.Entry entry : layout.entries()) {
            Path target = dir.resolve(fill(entry.target(), values));
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(template(layout, entry.template()), values), StandardCharsets.UTF_8);
            if (entry.executable()) {
                makeExecutable(target);
            }
            written.add(target);
        }
        for (String file : WRAPPER) {
            Path from = rowanHome.resolve(file);
            if (!Files.isRegularFile(from)) {
                throw new IllegalArgumentException(rowanHome.toAbsolutePath() + " is not a Rowan checkout (" + file + " is missing); "
                        + "run ./rowan from the Rowan folder.");
            }
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            written.add(target);
        }
        return written;
    }

    static String fill(String text, Map<String, String> values) {
        String out = text;
        for (var v : values.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        if (out.contains("@@")) {
            throw new IllegalStateException("A template placeholder has no value: " + out.substring(out.indexOf("@@"), Math.min(out.length(),
                    out.indexOf("@@") + 30)));
        }
        return out;
    }

    private static String template(Layout layout, String name) {
        String resource = layout.folder() + "/" + name;
        try (InputStream in = ProjectWriter.class.getResourceAsStream("/dev/rowan/starter/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The starter lacks its template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        }
    }
}
