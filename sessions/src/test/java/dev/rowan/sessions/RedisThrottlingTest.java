package dev.rowan.sessions;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Throttle;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Login attempts counted in a real Redis (127.0.0.1:6379), shared by two app instances. */
class RedisThrottlingTest {
    private final String prefix = "rowan-test:" + UUID.randomUUID() + ":";
    private final RedisClient redis = RedisClient.create("127.0.0.1", 6379);
    private final Throttle logins = Throttle.of("login", 3, Duration.ofMinutes(15));

    @BeforeAll
    static void redisIsThere() {
        boolean up;
        try (var s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        assumeTrue(up || "true".equals(System.getenv("CI")), "no Redis on 127.0.0.1:6379; the Redis throttling tests are skipped");
    }

    @AfterEach
    void dropTestKeys() {
        redis.keys(prefix + "*").forEach(redis::del);
        redis.close();
    }

    private TestClient instance(Map<String, String> more) {
        var settings = new HashMap<>(Map.of("secret.key", "k".repeat(40), "throttle.redis-prefix", prefix));
        settings.putAll(more);
        App app = App.create(Config.of(settings).withProfile("test")).install(RedisThrottling.create());
        app.post("/login", ctx -> {
            logins.check(ctx, "user:" + ctx.form("username").asString());
            ctx.text("checked");
        });
        return TestClient.of(app);
    }

    @Test
    void twoInstancesCountTheSameAttempts() {
        TestClient a = instance(Map.of());
        TestClient b = instance(Map.of());
        assertThat(a.post("/login", Map.of("username", "ada")).status()).isEqualTo(200);
        assertThat(b.post("/login", Map.of("username", "ada")).status()).isEqualTo(200);
        assertThat(a.post("/login", Map.of("username", "ada")).status()).isEqualTo(200);

        var blocked = b.post("/login", Map.of("username", "ada"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After").orElseThrow())).isBetween(890L, 900L);
        assertThat(a.post("/login", Map.of("username", "bob")).status()).as("another account").isEqualTo(200);
        assertThat(redis.pttl(prefix + "throttle:login:user:ada")).isBetween(880_000L, 900_000L);
    }

    @Test
    void theWaitDoublesInRedisToo() {
        TestClient a = instance(Map.of());
        for (int i = 0; i < 6; i++) {
            a.post("/login", Map.of("username", "cy"));
        }
        var seventh = a.post("/login", Map.of("username", "cy"));
        assertThat(Long.parseLong(seventh.header("Retry-After").orElseThrow())).isBetween(1790L, 1800L);
    }

    @Test
    void whenRedisCannotBeReachedAThrottledRequestIs503() throws IOException {
        int closed;
        try (var s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        TestClient a = instance(Map.of("throttle.redis-url", "redis://127.0.0.1:" + closed, "session.redis-timeout", "500ms"));
        var r = a.post("/login", Map.of("username", "ada"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).contains("the attempt counter");
    }
}
