package dev.rowan.auth.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** Django's {@code salted_hmac} with SHA-256: the HMAC key is the SHA-256 of the key salt followed by the secret. */
public final class SaltedHmac {
    private SaltedHmac() {
    }

    public static byte[] sha256(String keySalt, String value, String secret) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest((keySalt + secret).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks SHA-256 or HMAC-SHA256", e);
        }
    }
}
