package dev.rowan.auth.internal.hashers;

import dev.rowan.auth.spi.PasswordHasher;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Django's {@code bcrypt_sha256$$2b$<cost>$<salt+hash>}: bcrypt of the password's SHA-256 hex
 * digest, which lifts bcrypt's 72-byte limit on passwords. Django's default cost is 12.
 */
public final class BcryptSha256Hasher implements PasswordHasher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final int cost;

    private BcryptSha256Hasher(int cost) {
        this.cost = cost;
    }

    public static BcryptSha256Hasher of(int cost) {
        if (cost < 4 || cost > 20) {
            throw new IllegalArgumentException("bcrypt's cost is 4 to 20 here (2^cost rounds); Django's default is 12");
        }
        return new BcryptSha256Hasher(cost);
    }

    @Override
    public String algorithm() {
        return "bcrypt_sha256";
    }

    /** bcrypt makes its own 16-byte salt; the text returned here is not used. */
    @Override
    public String salt() {
        return "";
    }

    @Override
    public String encode(String password, String salt) {
        byte[] bcryptSalt = new byte[16];
        RANDOM.nextBytes(bcryptSalt);
        return "bcrypt_sha256$" + OpenBSDBCrypt.generate("2b", sha256Hex(password).toCharArray(), bcryptSalt, cost);
    }

    @Override
    public boolean verify(String password, String encoded) {
        return bcrypt(encoded).map(b -> {
            try {
                return OpenBSDBCrypt.checkPassword(b, sha256Hex(password).toCharArray());
            } catch (IllegalArgumentException e) {
                return false;   // a malformed stored hash is a wrong password, not an error
            }
        }).orElse(false);
    }

    @Override
    public boolean mustUpdate(String encoded) {
        return bcrypt(encoded).map(b -> !b.startsWith("$2b$" + String.format("%02d", cost) + "$")).orElse(true);
    }

    /** The bcrypt string after {@code bcrypt_sha256$}, if it has bcrypt's shape and a cost this hasher accepts. */
    private static Optional<String> bcrypt(String encoded) {
        if (!encoded.startsWith("bcrypt_sha256$$2")) {
            return Optional.empty();
        }
        String b = encoded.substring("bcrypt_sha256$".length());
        if (!b.matches("\\$2[abyx]\\$(0[4-9]|1[0-9]|20)\\$[./A-Za-z0-9]{53}")) {
            return Optional.empty();
        }
        return Optional.of(b);
    }

    private static String sha256Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Encoded.utf8(password)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK lacks SHA-256", e);
        }
    }
}
