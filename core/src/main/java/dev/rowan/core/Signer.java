package dev.rowan.core;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * HMAC-SHA256 signatures with key rotation: values are signed with the current secret key and
 * verified against it and every fallback key, so a key can be replaced without logging everyone
 * out. Each purpose ("salt") derives its own key, so a signature made for one use is worthless
 * for another.
 *
 * <pre>{@code
 * Signer signer = app.signer("password-reset");
 * String token = signer.signWithTimestamp("user:42");
 * Optional<String> user = signer.unsign(token, Duration.ofHours(1));
 * }</pre>
 */
public final class Signer {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final char SEP = '.';

    private final List<byte[]> keys;
    private final Clock clock;

    private Signer(List<byte[]> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A signer for {@code salt} from the current key followed by fallback keys. */
    public static Signer create(String salt, String secretKey, List<String> fallbackKeys) {
        return create(salt, secretKey, fallbackKeys, Clock.systemUTC());
    }

    public static Signer create(String salt, String secretKey, List<String> fallbackKeys, Clock clock) {
        var derived = new ArrayList<byte[]>();
        derived.add(derive(secretKey, salt));
        fallbackKeys.forEach(k -> derived.add(derive(k, salt)));
        return new Signer(List.copyOf(derived), clock);
    }

    /** {@code value.signature}. */
    public String sign(String value) {
        return value + SEP + mac(keys.get(0), value);
    }

    /** The value when the signature matches any key. */
    public Optional<String> unsign(String signed) {
        int dot = signed.lastIndexOf(SEP);
        if (dot < 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, dot);
        byte[] given = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        for (byte[] key : keys) {
            // Constant-time comparison: the time taken must not reveal how much of a guess was right.
            if (MessageDigest.isEqual(given, mac(key, value).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** {@code value.timestamp.signature}; check its age with {@link #unsign(String, Duration)}. */
    public String signWithTimestamp(String value) {
        return sign(value + SEP + Long.toString(clock.millis() / 1000, 36));
    }

    /** The value when the signature matches and it is not older than {@code maxAge}. */
    public Optional<String> unsign(String signed, Duration maxAge) {
        return unsign(signed).flatMap(v -> {
            int dot = v.lastIndexOf(SEP);
            if (dot < 0) {
                return Optional.empty();
            }
            try {
                long seconds = Long.parseLong(v.substring(dot + 1), 36);
                long age = clock.millis() / 1000 - seconds;
                return age <= maxAge.toSeconds() ? Optional.of(v.substring(0, dot)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static byte[] derive(String secret, String salt) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), ("rowan.signer:" + salt).getBytes(StandardCharsets.UTF_8));
    }

    private static String mac(byte[] key, String value) {
        return B64.encodeToString(hmac(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

}
