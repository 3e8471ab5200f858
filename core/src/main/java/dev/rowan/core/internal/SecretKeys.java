package dev.rowan.core.internal;

import dev.rowan.core.Config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The secret key and its fallbacks. Without {@code secret.key}: the dev profile keeps a generated
 * key in {@value #DEV_KEY_FILE} under the working directory, so sessions survive restarts and
 * auto-reloads (as Rails keeps {@code tmp/local_secret.txt}); the test profile uses a random key
 * per JVM, since tests need no key that outlives them; production has none ({@code core.E001}).
 *
 * @param source     where the key came from
 * @param devProblem why the dev key file could not be used, when {@code source} is {@link Source#RANDOM} in dev
 */
record SecretKeys(String current, List<String> fallbacks, Source source, Optional<String> devProblem) {
    static final String DEV_KEY_FILE = ".rowan/secret-key";
    private static final System.Logger LOG = System.getLogger("rowan");

    enum Source { CONFIGURED, DEV_FILE, RANDOM }

    static SecretKeys from(Config c) {
        return from(c, Path.of(""));
    }

    static SecretKeys from(Config c, Path workingDirectory) {
        List<String> fallbacks = c.getList("secret.fallbacks");
        Optional<String> configured = c.get("secret.key");
        if (configured.isPresent()) {
            return new SecretKeys(configured.get(), fallbacks, Source.CONFIGURED, Optional.empty());
        }
        if (!c.isDev()) {
            return new SecretKeys(RandomKey.VALUE, fallbacks, Source.RANDOM, Optional.empty());
        }
        Path file = workingDirectory.resolve(DEV_KEY_FILE).toAbsolutePath();
        try {
            return new SecretKeys(readOrCreate(file), fallbacks, Source.DEV_FILE, Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new SecretKeys(RandomKey.VALUE, fallbacks, Source.RANDOM, Optional.of(file + " cannot be used (" + e + ")"));
        }
    }

    /** The key in the file, or a new one written there; a blank file (a crash mid-write) is replaced. */
    static String readOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!key.isEmpty()) {
                return key;
            }
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path ignore = dir.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            // Rowan's own folder must never be committed, whatever the project's .gitignore says.
            Files.writeString(ignore, "# Rowan's development files; never commit them.\n*\n", StandardCharsets.UTF_8);
        }
        // Written whole to a private temp file, then renamed: a reader sees no key or all of it.
        Path temp = Files.createTempFile(dir, "secret-key", ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, generate() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        LOG.log(System.Logger.Level.INFO, "Created the development secret key in " + file + ": sessions and signed cookies now survive "
                + "restarts in the dev profile. Production needs its own SECRET_KEY.");
        // Another process starting at the same moment may have renamed its key over ours: use the one that stayed.
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Generated on first use only: seeding SecureRandom costs start-up time an app with a key never needs. */
    private static final class RandomKey {
        static final String VALUE = generate();
    }

    private static String generate() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
