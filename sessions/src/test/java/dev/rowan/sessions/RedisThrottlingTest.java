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
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Login attempts counted in a real Redis (127.0.0.1:6379), shared by two app instances. */
class RedisThrottlingTest {
    private final LocalRedis local = new LocalRedis();
    private final String prefix = local.prefix;
    private final RedisClient redis = local.client;
    private final Throttle logins = Throttle.of("login", 3, Duration.ofMinutes(15));

    @BeforeAll
    static void redisIsThere() {
        LocalRedis.assumeReachable("the Redis throttling tests");
    }

    @AfterEach
    void dropTestKeys() {
        local.close();
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
