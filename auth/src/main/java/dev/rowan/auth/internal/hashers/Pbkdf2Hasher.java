package dev.rowan.auth.internal.hashers;

import dev.rowan.auth.spi.PasswordHasher;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>} (and {@code pbkdf2_sha1}), as Django
 * stores them. PBKDF2 is written out over the JDK's HMAC rather than taken from its
 * {@code SecretKeyFactory}, whose {@code PBEKeySpec} takes the password as {@code char[]} and would
 * tie the bytes hashed to the provider's encoding: Django hashes the UTF-8 bytes, and so does this.
 */
public final class Pbkdf2Hasher implements PasswordHasher {
    /** Stored forms are input: more iterations than this (about 80 times Django's default) are refused. */
    private static final int MAX_ITERATIONS = 100_000_000;
    private final String algorithm;
    private final String mac;
    private final int iterations;

    private Pbkdf2Hasher(String algorithm, String mac, int iterations) {
        this.algorithm = algorithm;
        this.mac = mac;
        this.iterations = iterations;
    }

    public static Pbkdf2Hasher sha256(int iterations) {
        return new Pbkdf2Hasher("pbkdf2_sha256", "HmacSHA256", requirePositive(iterations));
    }

    public static Pbkdf2Hasher sha1(int iterations) {
        return new Pbkdf2Hasher("pbkdf2_sha1", "HmacSHA1", requirePositive(iterations));
    }

    private static int requirePositive(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration and at most 100,000,000; Django's default is 1,200,000");
        }
        return iterations;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String salt() {
        return Encoded.salt();
    }

    @Override
    public String encode(String password, String salt) {
        Encoded.requireSalt(salt, algorithm());
        return algorithm + "$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    @Override
    public boolean verify(String password, String encoded) {
        Optional<String[]> parts = Encoded.split(encoded, algorithm, 4);
        Optional<Integer> rounds = parts.flatMap(p -> Encoded.positiveInt(p[1])).filter(n -> n <= MAX_ITERATIONS);
        if (rounds.isEmpty()) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString(derive(password, parts.get()[2], rounds.get()));
        return Encoded.sameText(expected, parts.get()[3]);
    }

    @Override
    public boolean mustUpdate(String encoded) {
        return Encoded.split(encoded, algorithm, 4).flatMap(p -> Encoded.positiveInt(p[1])).map(n -> n != iterations).orElse(true);
    }

    /** PBKDF2 (RFC 8018) with one block: Django's key length is the digest's own. */
    private byte[] derive(String password, String salt, int rounds) {
        try {
            Mac hmac = Mac.getInstance(mac);
            // An empty password is a valid input to PBKDF2 but not to SecretKeySpec.
            byte[] key = Encoded.utf8(password);
            hmac.init(key.length == 0 ? new EmptyKey(mac) : new SecretKeySpec(key, mac));
            hmac.update(Encoded.utf8(salt));
            hmac.update(new byte[] {0, 0, 0, 1});
            byte[] u = hmac.doFinal();
            byte[] out = u.clone();
            for (int i = 1; i < rounds; i++) {
                u = hmac.doFinal(u);
                for (int j = 0; j < out.length; j++) {
                    out[j] ^= u[j];
                }
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks " + mac, e);
        }
    }

    /** The zero-length HMAC key, which {@link SecretKeySpec} refuses to represent. */
    private record EmptyKey(String getAlgorithm) implements javax.crypto.SecretKey {
        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }
}
