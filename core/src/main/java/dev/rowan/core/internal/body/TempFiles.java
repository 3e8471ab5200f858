package dev.rowan.core.internal.body;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates upload temp files only the server's user can read, with unguessable names. */
final class TempFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private TempFiles() {
    }

    static Path create(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, attributes("rwx------"));
        }
        // createTempFile draws its name from a SecureRandom, so other users cannot predict or pre-create it.
        return Files.createTempFile(dir, "rowan-upload-", ".part", attributes("rw-------"));
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            System.getLogger("rowan").log(System.Logger.Level.WARNING, "Could not delete the upload temp file " + p, e);
        }
    }

    private static FileAttribute<?>[] attributes(String perms) {
        return POSIX ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
                : new FileAttribute<?>[0];
    }
}
