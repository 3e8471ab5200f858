package dev.rowan.sessions;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.sessions.internal.RedisSessionStore;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions kept in a real Redis (127.0.0.1:6379), shared by two app instances. */
class RedisSessionsTest {
    private static final String URL = "redis://127.0.0.1:6379";
    private final LocalRedis local = new LocalRedis();
    private final String prefix = local.prefix;
    private final RedisClient redis = local.client;

    @BeforeAll
    static void redisIsThere() {
        LocalRedis.assumeReachable("the Redis session tests");
    }

    @AfterEach
    void dropTestKeys() {
        local.close();
    }

    private App instance(Map<String, String> more) {
        var settings = new java.util.HashMap<>(Map.of("secret.key", "k".repeat(40), "session.redis-url", URL, "session.redis-prefix", prefix,
                "session.max-age", "2h"));
        settings.putAll(more);
        App app = App.create(Config.of(settings).withProfile("test")).install(RedisSessions.create());
        app.get("/put", ctx -> {
            ctx.session().put("cart", ctx.query("item").asString());
            ctx.text("ok");
        });
        app.get("/get", ctx -> ctx.text(ctx.session().get("cart").orElse("empty")));
        app.get("/login", ctx -> {
            ctx.session().rotate();
            ctx.session().put("user", "ada");
            ctx.text("in");
        });
        app.get("/logout", ctx -> {
            ctx.session().invalidate();
            ctx.text("out");
        });
        return app;
    }

    private App instance() {
        return instance(Map.of());
    }

    private static String sessionCookie(TestClient client, String path) {
        return client.get(path).header("Set-Cookie").orElseThrow().split(";")[0].substring("rowan_session=".length());
    }

    @Test
    void aSessionStartedOnOneInstanceIsReadOnAnother() {
        TestClient a = TestClient.of(instance());
        String cookie = sessionCookie(a, "/put?item=book");

        TestClient b = TestClient.of(instance());
        var onB = b.request("GET", "/get").header("Cookie", "rowan_session=" + cookie).send();
        assertThat(onB.text()).isEqualTo("book");
    }

    @Test
    void theCookieHoldsOnlyARandomKeyAndRedisOnlyItsHash() {
        App app = instance();
        String cookie = sessionCookie(TestClient.of(app), "/put?item=secret-thing");

        assertThat(cookie).hasSize(43).doesNotContain("secret");
        var store = (RedisSessionStore) app.service(dev.rowan.core.spi.SessionStore.class);
        assertThat(redis.exists(prefix + cookie)).as("the raw id is not a Redis key").isFalse();
        assertThat(redis.get(store.redisKey(cookie))).contains("secret-thing");
        assertThat(redis.ttl(store.redisKey(cookie))).as("expires with session.max-age").isBetween(7000L, 7200L);
    }

    @Test
    void loginRotatesTheKeyAndTheOldOneIsWorthNothing() {
        App app = instance();
        TestClient client = TestClient.of(app);
        String before = sessionCookie(client, "/put?item=book");
        String after = sessionCookie(client, "/login");

        assertThat(after).isNotEqualTo(before);
        assertThat(client.get("/get").text()).as("the data moved with the session").isEqualTo("book");
        var replay = TestClient.of(app).request("GET", "/get").header("Cookie", "rowan_session=" + before).send();
        assertThat(replay.text()).isEqualTo("empty");
    }

    @Test
    void logoutDeletesTheSessionInRedis() {
        App app = instance();
        TestClient client = TestClient.of(app);
        String cookie = sessionCookie(client, "/put?item=book");
        var store = (RedisSessionStore) app.service(dev.rowan.core.spi.SessionStore.class);
        client.get("/logout");

        assertThat(redis.exists(store.redisKey(cookie))).isFalse();
        var replay = TestClient.of(app).request("GET", "/get").header("Cookie", "rowan_session=" + cookie).send();
        assertThat(replay.text()).isEqualTo("empty");
    }

    @Test
    void aForgedOrMalformedCookieIsANewEmptySession() {
        TestClient client = TestClient.of(instance());
        for (String forged : new String[] {"x", "a".repeat(43), "../../etc", "a".repeat(5000), "%00"}) {
            var r = client.request("GET", "/get").header("Cookie", "rowan_session=" + forged).send();
            assertThat(r.status()).as(forged).isEqualTo(200);
            assertThat(r.text()).isEqualTo("empty");
        }
    }

    @Test
    void whenRedisCannotBeReachedTheAnswerIs503NotA500() throws IOException {
        int closed;
        try (var s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        TestClient client = TestClient.of(instance(Map.of("session.redis-url", "redis://127.0.0.1:" + closed, "session.redis-timeout", "500ms")));
        var r = client.request("GET", "/get").header("Cookie", "rowan_session=" + "a".repeat(43)).send();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).contains("5");
        assertThat(r.text()).contains("Sessions are unavailable");
        assertThat(client.get("/put?item=x").status()).as("saving fails the same way").isEqualTo(503);
    }

    @Test
    void aBadRedisUrlIsAClearErrorAtInstall() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> instance(Map.of("session.redis-url", "http://127.0.0.1:6379")))
                .hasMessageContaining("session.redis-url must be redis://host:port");
    }
}
