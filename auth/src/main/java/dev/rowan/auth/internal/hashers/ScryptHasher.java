package dev.rowan.auth.internal.hashers;

import dev.rowan.auth.spi.PasswordHasher;
import org.bouncycastle.crypto.generators.SCrypt;

import java.util.Base64;
import java.util.Optional;

/**
 * Django's {@code scrypt$<n>$<salt>$<r>$<p>$<base64 hash>} with a 64-byte hash; Django's
 * parameters by default: n = 2^14, r = 8, p = 5 (16 MiB of memory per hash).
 */
public final class ScryptHasher implements PasswordHasher {
    /** Stored forms are input: refuse parameters that would take more than 256 MiB or forever. */
    private static final long MAX_MEMORY = 256L * 1024 * 1024;
    private final int n;
    private final int r;
    private final int p;

    private ScryptHasher(int n, int r, int p) {
        this.n = n;
        this.r = r;
        this.p = p;
    }

    public static ScryptHasher of(int n, int r, int p) {
        if (!acceptable(n, r, p)) {
            throw new IllegalArgumentException("scrypt needs n a power of two above 1, r and p of 1 or more, and at most 256 MiB (128 * n * r)");
        }
        return new ScryptHasher(n, r, p);
    }

    private static boolean acceptable(int n, int r, int p) {
        return n > 1 && (n & (n - 1)) == 0 && r >= 1 && p >= 1 && p <= 64 && 128L * n * r <= MAX_MEMORY;
    }

    @Override
    public String algorithm() {
        return "scrypt";
    }

    @Override
    public String salt() {
        return Encoded.salt();
    }

    @Override
    public String encode(String password, String salt) {
        Encoded.requireSalt(salt, algorithm());
        byte[] hash = SCrypt.generate(Encoded.utf8(password), Encoded.utf8(salt), n, r, p, 64);
        return "scrypt$" + n + "$" + salt + "$" + r + "$" + p + "$" + Base64.getEncoder().encodeToString(hash);
    }

    @Override
    public boolean verify(String password, String encoded) {
        return parse(encoded).map(s -> {
            try {
                byte[] expected = Base64.getDecoder().decode(s.hash());
                byte[] actual = SCrypt.generate(Encoded.utf8(password), Encoded.utf8(s.salt()), s.n(), s.r(), s.p(), expected.length);
                return expected.length >= 16 && Encoded.sameBytes(actual, expected);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).orElse(false);
    }

    @Override
    public boolean mustUpdate(String encoded) {
        return parse(encoded).map(s -> s.n() != n || s.r() != r || s.p() != p).orElse(true);
    }

    private record Stored(int n, String salt, int r, int p, String hash) {
    }

    private static Optional<Stored> parse(String encoded) {
        return Encoded.split(encoded, "scrypt", 6).flatMap(parts -> {
            Optional<Integer> n = Encoded.positiveInt(parts[1]);
            Optional<Integer> r = Encoded.positiveInt(parts[3]);
            Optional<Integer> p = Encoded.positiveInt(parts[4]);
            if (n.isEmpty() || r.isEmpty() || p.isEmpty() || !acceptable(n.get(), r.get(), p.get()) || parts[5].length() > 200) {
                return Optional.empty();
            }
            return Optional.of(new Stored(n.get(), parts[2], r.get(), p.get(), parts[5]));
        });
    }
}
