package dev.rowan.sessions.internal;

import dev.rowan.core.HttpException;
import dev.rowan.core.spi.ThrottleStore;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.function.LongFunction;

/** Throttle counts in Redis, so every instance of the app counts the same attempts. */
public final class RedisThrottleStore implements ThrottleStore, AutoCloseable {
    private final RedisClient redis;
    private final String prefix;
    private final String where;

    private RedisThrottleStore(RedisClient redis, String prefix, String where) {
        this.redis = redis;
        this.prefix = prefix;
        this.where = where;
    }

    public static RedisThrottleStore connect(String url, String prefix, Duration timeout) {
        RedisConnection c = RedisConnection.open(url, timeout, "throttle.redis-url");
        return new RedisThrottleStore(c.client(), prefix, c.where());
    }

    @Override
    public Hits hit(String key, Duration window, long limit, LongFunction<Duration> blockFor) {
        String k = prefix + key;
        try {
            // The window opens with the first attempt; INCR keeps the expiry it was given.
            redis.set(k, "0", SetParams.setParams().nx().px(window.toMillis()));
            long count = redis.incr(k);
            if (count > limit) {
                // GT: only ever lengthen the wait (the backoff), never cut a longer one short.
                redis.pexpire(k, blockFor.apply(count).toMillis(), ExpiryOption.GT);
            }
            long ttl = redis.pttl(k);
            return new Hits(count, Duration.ofMillis(Math.max(0, ttl)));
        } catch (JedisException e) {
            throw HttpException.of(503, "Sign-in is unavailable for a moment: the attempt counter (Redis at " + where
                    + ") cannot be reached. Try again shortly.").withHeader("Retry-After", "5");
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
