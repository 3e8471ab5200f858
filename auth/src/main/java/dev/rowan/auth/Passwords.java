package dev.rowan.auth;

import dev.rowan.auth.spi.PasswordHasher;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hashes passwords for storage and checks them, in Django's format: a database that a Django
 * project filled keeps working, and so do its users' passwords. The first hasher makes new hashes;
 * the others are accepted, and a password that verifies under an older algorithm or work factor
 * comes back re-hashed so the caller can store the new form (Django's "upgrade on login").
 *
 * <pre>{@code
 * Passwords passwords = Passwords.defaults();
 * String stored = passwords.hash("correct horse battery staple");    // pbkdf2_sha256$1200000$...
 * Passwords.Verification v = passwords.verify("correct horse battery staple", stored);
 * if (v.matches()) {
 *     v.rehashed().ifPresent(user::savePasswordHash);   // an older hash, upgraded
 * }
 * }</pre>
 */
public final class Passwords {
    /** Django's marker of a password that can never match ({@code set_unusable_password}). */
    public static final String UNUSABLE_PREFIX = "!";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final PasswordHasher preferred;
    private final Map<String, PasswordHasher> byAlgorithm;
    private volatile String dummy;

    private Passwords(PasswordHasher preferred, List<PasswordHasher> all) {
        this.preferred = preferred;
        this.byAlgorithm = new LinkedHashMap<>();
        for (PasswordHasher h : all) {
            byAlgorithm.putIfAbsent(h.algorithm(), h);
        }
    }

    /** Made once, on first need, so that checking a password for a user who does not exist costs one hash too. */
    private String dummy() {
        String d = dummy;
        if (d == null) {
            d = preferred.encode(randomText(20), preferred.salt());
            dummy = d;
        }
        return d;
    }

    /** New hashes in PBKDF2-SHA256 (1,200,000 iterations); Argon2id, bcrypt-SHA256, scrypt and PBKDF2-SHA1 accepted. */
    public static Passwords defaults() {
        return of(Hashers.pbkdf2Sha256(), Hashers.argon2(), Hashers.bcryptSha256(), Hashers.scrypt(), Hashers.pbkdf2Sha1());
    }

    /** {@code preferred} makes new hashes; it and {@code accepted} verify stored ones. */
    public static Passwords of(PasswordHasher preferred, PasswordHasher... accepted) {
        var all = new ArrayList<PasswordHasher>();
        all.add(preferred);
        all.addAll(List.of(accepted));
        return new Passwords(preferred, all);
    }

    /** The outcome of a check: whether it matched, and the password hashed again when the stored form is outdated. */
    public record Verification(boolean matches, Optional<String> rehashed) {
        static final Verification NO = new Verification(false, Optional.empty());
    }

    /** The stored form of a password: the preferred hasher with a fresh salt. */
    public String hash(String password) {
        return preferred.encode(password, preferred.salt());
    }

    /**
     * Checks {@code password} against a stored form. An unusable, empty, malformed or unknown stored
     * form never matches (and still costs one hash, as a wrong password does).
     */
    public Verification verify(String password, String encoded) {
        Optional<PasswordHasher> hasher = isUsable(encoded) ? hasherOf(encoded) : Optional.empty();
        if (hasher.isEmpty()) {
            preferred.verify(password, dummy());
            return Verification.NO;
        }
        if (!hasher.get().verify(password, encoded)) {
            return Verification.NO;
        }
        boolean outdated = hasher.get() != preferred || preferred.mustUpdate(encoded);
        return new Verification(true, outdated ? Optional.of(hash(password)) : Optional.empty());
    }

    /**
     * For a login whose user does not exist: spends what checking a real password costs and returns
     * false, so the answer's timing does not tell which accounts exist.
     */
    public boolean verifyForUnknownUser(String password) {
        preferred.verify(password, dummy());
        return false;
    }

    /** A stored form that no password matches, as for an account that logs in another way. */
    public String unusable() {
        return UNUSABLE_PREFIX + randomText(40);
    }

    /** False for {@link #unusable()} forms (and an empty one), which never match. */
    public static boolean isUsable(String encoded) {
        return !encoded.isEmpty() && !encoded.startsWith(UNUSABLE_PREFIX);
    }

    /** The hasher that reads this stored form, by the name before its first {@code $}. */
    public Optional<PasswordHasher> hasherOf(String encoded) {
        int dollar = encoded.indexOf('$');
        return dollar <= 0 ? Optional.empty() : Optional.ofNullable(byAlgorithm.get(encoded.substring(0, dollar)));
    }

    private static String randomText(int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(RANDOM_CHARS.charAt(RANDOM.nextInt(RANDOM_CHARS.length())));
        }
        return sb.toString();
    }
}
