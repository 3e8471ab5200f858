package dev.rowan.sessions.internal;

import dev.rowan.core.HttpException;
import dev.rowan.core.spi.SessionStore;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sessions in Redis. The cookie is a random 256-bit key; Redis stores the data under the key's
 * SHA-256, so a copy of the Redis data (a backup, a replica) holds no usable session id.
 */
public final class RedisSessionStore implements SessionStore, AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes in unpadded base64url: anything else in the cookie is not a session key. */
    private static final int KEY_LENGTH = 43;

    private final RedisClient redis;
    private final String prefix;
    private final String where;

    private RedisSessionStore(RedisClient redis, String prefix, String where) {
        this.redis = redis;
        this.prefix = prefix;
        this.where = where;
    }

    public static RedisSessionStore connect(String url, String prefix, Duration timeout) {
        RedisConnection c = RedisConnection.open(url, timeout, "session.redis-url");
        return new RedisSessionStore(c.client(), prefix, c.where());
    }

    @Override
    public Optional<Map<String, String>> load(String cookieValue) {
        if (!looksLikeKey(cookieValue)) {
            return Optional.empty();
        }
        String stored = call(() -> redis.get(redisKey(cookieValue)));
        return stored == null ? Optional.empty() : SessionStore.fromText(stored);
    }

    @Override
    public String save(Optional<String> previous, Map<String, String> data, boolean rotate, Duration maxAge) {
        Optional<String> reusable = previous.filter(RedisSessionStore::looksLikeKey);
        String key = rotate || reusable.isEmpty() ? newKey() : reusable.get();
        long seconds = Math.max(1, maxAge.toSeconds());
        // On rotate the session deletes the old key itself (SessionStore.delete) before it saves.
        call(() -> redis.set(redisKey(key), SessionStore.toText(data), SetParams.setParams().ex(seconds)));
        return key;
    }

    @Override
    public void delete(String cookieValue) {
        if (looksLikeKey(cookieValue)) {
            call(() -> redis.del(redisKey(cookieValue)));
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    /** The Redis key a session cookie's data is kept under. */
    public String redisKey(String cookieValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cookieValue.getBytes(StandardCharsets.US_ASCII));
            return prefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK lacks SHA-256", e);
        }
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw HttpException.of(503, "Sessions are unavailable: the session store (Redis at " + where + ") cannot be reached. "
                    + "Try again in a moment.").withHeader("Retry-After", "5");
        }
    }

    private static boolean looksLikeKey(String value) {
        return value.length() == KEY_LENGTH && value.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    private static String newKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
