package dev.rowan.auth.spi;

/**
 * One password hashing algorithm in Django's storage format, {@code algorithm$...}. Rowan's own
 * are in {@link dev.rowan.auth.Hashers}; an app adds another by implementing this and listing it in
 * {@link dev.rowan.auth.Passwords#of}.
 *
 * <pre>{@code
 * PasswordHasher pbkdf2 = Hashers.pbkdf2Sha256();
 * String stored = pbkdf2.encode("correct horse battery staple", pbkdf2.salt());
 * pbkdf2.verify("correct horse battery staple", stored);   // true
 * }</pre>
 */
public interface PasswordHasher {
    /** The name before the first {@code $}, such as {@code pbkdf2_sha256}. */
    String algorithm();

    /** A fresh random salt of the form this algorithm stores. */
    String salt();

    /** The stored form of {@code password} with {@code salt}, at this hasher's current work factor. */
    String encode(String password, String salt);

    /** True when {@code encoded} (made by this algorithm, at any work factor) is {@code password}; compares in constant time. */
    boolean verify(String password, String encoded);

    /** True when {@code encoded} was made with other parameters than this hasher's current ones, so it should be hashed again. */
    boolean mustUpdate(String encoded);
}
