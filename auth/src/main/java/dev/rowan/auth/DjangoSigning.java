package dev.rowan.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Django's signing, read and written: {@code django.core.signing.dumps/loads} (a timestamped,
 * HMAC-SHA256-signed, optionally zlib-compressed JSON value, the format of Django's signed-cookie
 * sessions) and the session auth hash Django keeps in a logged-in session. With the same secret
 * key, a Rowan app and a Django app read each other's signed values, so the two can share users'
 * sessions while a site moves from one to the other.
 *
 * <pre>{@code
 * DjangoSigning django = DjangoSigning.withSecret(System.getenv("SECRET_KEY"));
 * Optional<String> session = django.loads(cookieValue, DjangoSigning.SESSION_SALT, Duration.ofDays(14));
 * String cookie = django.dumps("{\"theme\":\"dark\"}", DjangoSigning.SESSION_SALT, true);
 * }</pre>
 *
 * Values are JSON text, as Django's {@code JSONSerializer} writes it; parse and write it with your
 * JSON codec. Old secret keys (Django's {@code SECRET_KEY_FALLBACKS}) still verify when given.
 */
public final class DjangoSigning {
    /** The salt of Django's {@code signed_cookies} session backend. */
    public static final String SESSION_SALT = "django.contrib.sessions.backends.signed_cookies";
    private static final String AUTH_HASH_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** A compressed value may not inflate past this: a signed value is trusted, but not to be a bomb. */
    private static final int MAX_INFLATED = 1 << 20;

    private final String secret;
    private final List<String> fallbacks;
    private final Clock clock;

    private DjangoSigning(String secret, List<String> fallbacks, Clock clock) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("Django signing needs the secret key the Django app uses (its SECRET_KEY)");
        }
        this.secret = secret;
        this.fallbacks = List.copyOf(fallbacks);
        this.clock = clock;
    }

    public static DjangoSigning withSecret(String secret, String... fallbacks) {
        return new DjangoSigning(secret, List.of(fallbacks), Clock.systemUTC());
    }

    /** The same keys, with another clock for the timestamps it writes and the ages it checks. */
    public DjangoSigning withClock(Clock clock) {
        return new DjangoSigning(secret, fallbacks, clock);
    }

    /** {@code signing.dumps(obj, salt=salt, compress=compress)} of a value already serialized as JSON text. */
    public String dumps(String json, String salt, boolean compress) {
        byte[] data = asciiOnly(json).getBytes(StandardCharsets.US_ASCII);
        String prefix = "";
        if (compress) {
            byte[] compressed = deflate(data);
            // Django keeps the compressed form only when it saves more than one byte.
            if (compressed.length < data.length - 1) {
                data = compressed;
                prefix = ".";
            }
        }
        String value = prefix + B64.encodeToString(data) + ":" + base62(clock.instant().getEpochSecond());
        return value + ":" + signature(secret, salt, value);
    }

    /**
     * {@code signing.loads(value, salt=salt, max_age=maxAge)}: the JSON text, or empty when the
     * signature is wrong (for the key and every fallback), the value is older than {@code maxAge} or
     * it is malformed.
     */
    public Optional<String> loads(String signed, String salt, Duration maxAge) {
        int last = signed.lastIndexOf(':');
        if (last < 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, last);
        String given = signed.substring(last + 1);
        if (!signedByAnyKey(salt, value, given)) {
            return Optional.empty();
        }
        int stamp = value.lastIndexOf(':');
        Optional<Long> made = stamp < 0 ? Optional.empty() : unbase62(value.substring(stamp + 1));
        if (made.isEmpty() || clock.instant().getEpochSecond() - made.get() > maxAge.toSeconds()) {
            return Optional.empty();
        }
        return decode(value.substring(0, stamp));
    }

    /**
     * {@code user.get_session_auth_hash()}: what a Django session keeps as {@code _auth_user_hash},
     * from the user's stored password hash, so a password change ends the user's other sessions.
     */
    public String sessionAuthHash(String passwordHash) {
        return HexFormat.of().formatHex(saltedHmac(AUTH_HASH_SALT, passwordHash, secret));
    }

    /**
     * Django's serializer writes ASCII JSON and reads the bytes back as Latin-1, so anything else
     * would arrive garbled: non-ASCII characters become {@code \\uXXXX} escapes, which is valid JSON
     * wherever they occur (outside strings JSON has none).
     */
    private static String asciiOnly(String json) {
        var sb = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private boolean signedByAnyKey(String salt, String value, String given) {
        var keys = new ArrayList<String>();
        keys.add(secret);
        keys.addAll(fallbacks);
        boolean ok = false;
        for (String key : keys) {
            // Every key is tried, so the time taken does not tell which one signed.
            ok |= MessageDigest.isEqual(signature(key, salt, value).getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII));
        }
        return ok;
    }

    private static String signature(String key, String salt, String value) {
        return B64.encodeToString(saltedHmac(salt + "signer", value, key));
    }

    /** Django's {@code salted_hmac} with SHA-256: the HMAC key is the SHA-256 of key salt and secret. */
    private static byte[] saltedHmac(String keySalt, String value, String secret) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest((keySalt + secret).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks SHA-256 or HMAC-SHA256", e);
        }
    }

    private static Optional<String> decode(String payload) {
        boolean compressed = payload.startsWith(".");
        try {
            byte[] data = Base64.getUrlDecoder().decode(compressed ? payload.substring(1) : payload);
            return Optional.of(new String(compressed ? inflate(data) : data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DataFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] deflate(byte[] data) {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] data) throws DataFormatException {
        var inflater = new Inflater();
        try {
            inflater.setInput(data);
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new DataFormatException("inflates past 1 MB");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    static String base62(long n) {
        if (n == 0) {
            return "0";
        }
        var sb = new StringBuilder();
        for (long v = n; v > 0; v /= 62) {
            sb.append(BASE62.charAt((int) (v % 62)));
        }
        return sb.reverse().toString();
    }

    static Optional<Long> unbase62(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return Optional.empty();
        }
        long n = 0;
        for (char c : text.toCharArray()) {
            int digit = BASE62.indexOf(c);
            if (digit < 0) {
                return Optional.empty();
            }
            n = n * 62 + digit;
        }
        return Optional.of(n);
    }
}
