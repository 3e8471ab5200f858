package dev.rowan.auth.internal.hashers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/** Helpers the hashers share: splitting the stored form, salts, and comparing without a timing leak. */
final class Encoded {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Encoded() {
    }

    /** {@code encoded} split on {@code $} when it has exactly {@code parts} parts and starts with {@code algorithm}. */
    static Optional<String[]> split(String encoded, String algorithm, int parts) {
        String[] p = encoded.split("\\$", -1);
        return p.length == parts && p[0].equals(algorithm) ? Optional.of(p) : Optional.empty();
    }

    /** A salt as Django makes one: 22 characters of a-z, A-Z, 0-9 (about 131 bits). */
    static String salt() {
        var sb = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            sb.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
        }
        return sb.toString();
    }

    /** A salt is stored between {@code $} separators: it must be there and hold none. */
    static String requireSalt(String salt, String algorithm) {
        if (salt.isEmpty() || salt.contains("$")) {
            throw new IllegalArgumentException("A " + algorithm + " salt must be non-empty and without '$'");
        }
        return salt;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(utf8(a), utf8(b));
    }

    /** A positive decimal that fits an int, or empty: stored forms are input too. */
    static Optional<Integer> positiveInt(String text) {
        if (!text.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(text);
        return n > 0 ? Optional.of(n) : Optional.empty();
    }
}
