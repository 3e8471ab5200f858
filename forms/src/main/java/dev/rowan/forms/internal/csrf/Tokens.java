package dev.rowan.forms.internal.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Secrets and masked tokens. A secret is 32 characters from [A-Za-z0-9]. A token is a fresh random mask followed by
 * the secret enciphered with it, character by character, adding indexes modulo 62 (XOR's counterpart for an alphabet
 * that is not a power of two). A new mask per response keeps the token out of reach of compression side channels
 * (BREACH), since the bytes on the wire change every time while the secret stays the same.
 */
final class Tokens {
    static final int SECRET_LENGTH = 32;
    static final int TOKEN_LENGTH = 2 * SECRET_LENGTH;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String newSecret() {
        return random(SECRET_LENGTH);
    }

    static String mask(String secret) {
        String mask = random(SECRET_LENGTH);
        StringBuilder sb = new StringBuilder(TOKEN_LENGTH).append(mask);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            sb.append(ALPHABET.charAt((index(secret.charAt(i)) + index(mask.charAt(i))) % ALPHABET.length()));
        }
        return sb.toString();
    }

    /** The secret inside a well-formed token (a 64-character masked one, or the 32-character secret itself). */
    static String unmask(String token) {
        if (token.length() == SECRET_LENGTH) {
            return token;
        }
        StringBuilder sb = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            int n = ALPHABET.length();
            sb.append(ALPHABET.charAt(((index(token.charAt(SECRET_LENGTH + i)) - index(token.charAt(i))) % n + n) % n));
        }
        return sb.toString();
    }

    static boolean isWellFormedSecret(String s) {
        return s.length() == SECRET_LENGTH && onlyAlphabet(s);
    }

    static boolean onlyAlphabet(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (index(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Constant time: the time taken must not tell how much of a guess was right. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static int index(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return 26 + c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return 52 + c - '0';
        }
        return -1;
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
