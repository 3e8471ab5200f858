package dev.rowan.auth;

import dev.rowan.auth.internal.hashers.Argon2Hasher;
import dev.rowan.auth.internal.hashers.BcryptSha256Hasher;
import dev.rowan.auth.internal.hashers.Pbkdf2Hasher;
import dev.rowan.auth.internal.hashers.ScryptHasher;
import dev.rowan.auth.spi.PasswordHasher;

/**
 * Rowan's password hashers, each writing and reading Django's storage format, with Django 6.0's
 * default work factors unless you give others:
 *
 * <pre>{@code
 * Passwords passwords = Passwords.of(Hashers.argon2(), Hashers.pbkdf2Sha256());   // new hashes in Argon2id
 * }</pre>
 */
public final class Hashers {
    /** Django 6.0's PBKDF2-SHA256 iteration count. */
    public static final int PBKDF2_ITERATIONS = 1_200_000;

    private Hashers() {
    }

    /** {@code pbkdf2_sha256} at 1,200,000 iterations: Django's default hasher. */
    public static PasswordHasher pbkdf2Sha256() {
        return Pbkdf2Hasher.sha256(PBKDF2_ITERATIONS);
    }

    public static PasswordHasher pbkdf2Sha256(int iterations) {
        return Pbkdf2Hasher.sha256(iterations);
    }

    /** {@code pbkdf2_sha1}, to read hashes an older Django project made; not for new ones. */
    public static PasswordHasher pbkdf2Sha1() {
        return Pbkdf2Hasher.sha1(PBKDF2_ITERATIONS);
    }

    /** Argon2id with 100 MiB, 2 passes and 8 lanes, as Django's {@code Argon2PasswordHasher}. */
    public static PasswordHasher argon2() {
        return Argon2Hasher.of(102_400, 2, 8);
    }

    public static PasswordHasher argon2(int memoryKib, int passes, int lanes) {
        return Argon2Hasher.of(memoryKib, passes, lanes);
    }

    /** bcrypt of the password's SHA-256, cost 12, as Django's {@code BCryptSHA256PasswordHasher}. */
    public static PasswordHasher bcryptSha256() {
        return BcryptSha256Hasher.of(12);
    }

    public static PasswordHasher bcryptSha256(int cost) {
        return BcryptSha256Hasher.of(cost);
    }

    /** scrypt with n = 2^14, r = 8, p = 5, as Django's {@code ScryptPasswordHasher}. */
    public static PasswordHasher scrypt() {
        return ScryptHasher.of(1 << 14, 8, 5);
    }

    public static PasswordHasher scrypt(int n, int r, int p) {
        return ScryptHasher.of(n, r, p);
    }
}
