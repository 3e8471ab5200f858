package dev.rowan.sessions;

import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Redis on 127.0.0.1:6379 the tests use, with a key prefix of their own that {@link #close()} clears. */
final class LocalRedis implements AutoCloseable {
    final String prefix = "rowan-test:" + UUID.randomUUID() + ":";
    final RedisClient client = RedisClient.create("127.0.0.1", 6379);

    /** Skips the calling test class when no Redis answers, except in CI, where Redis must be there. */
    static void assumeReachable(String what) {
        boolean up;
        try (var s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        assumeTrue(up || "true".equals(System.getenv("CI")), "no Redis on 127.0.0.1:6379; " + what + " are skipped");
    }

    @Override
    public void close() {
        client.keys(prefix + "*").forEach(client::del);
        client.close();
    }
}
