package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.core.Throttle;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Attempts per key in a window, 429 with Retry-After past the limit, and a wait that doubles. */
class ThrottleTest {
    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T10:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    private final TestClock clock = new TestClock();
    private final Throttle logins = Throttle.of("login", 3, Duration.ofMinutes(15)).withClock(clock);

    private TestClient client() {
        App app = Apps.app().post("/login", ctx -> {
            logins.check(ctx, "user:" + ctx.form("username").asString(), "address:" + ctx.clientAddress().getHostAddress());
            ctx.text("checked");
        });
        return TestClient.of(app);
    }

    @Test
    void theAttemptPastTheLimitIs429WithRetryAfterAndAMessage() {
        TestClient client = client();
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("/login", java.util.Map.of("username", "ada")).status()).isEqualTo(200);
        }
        var blocked = client.post("/login", java.util.Map.of("username", "ada"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).contains("900");
        assertThat(blocked.text()).contains("Too many attempts. Try again in 15 minutes.");
    }

    @Test
    void theWindowEndsAndCountingStartsAgain() {
        TestClient client = client();
        for (int i = 0; i < 3; i++) {
            client.post("/login", java.util.Map.of("username", "ada"));
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(client.post("/login", java.util.Map.of("username", "ada")).status()).isEqualTo(200);
    }

    @Test
    void everyKeyCountsSoAnotherAccountFromTheSameAddressIsBlockedToo() {
        TestClient client = client();
        for (String user : new String[] {"ada", "bob", "cy"}) {
            assertThat(client.post("/login", java.util.Map.of("username", user)).status()).isEqualTo(200);
        }
        // Three users from one address: the address key is now over its limit for any account.
        assertThat(client.post("/login", java.util.Map.of("username", "dee")).status()).isEqualTo(429);
    }

    @Test
    void aClientThatKeepsTryingWaitsLongerEachTime() {
        TestClient client = client();
        for (int i = 0; i < 3; i++) {
            client.post("/login", java.util.Map.of("username", "ada"));
        }
        assertThat(client.post("/login", java.util.Map.of("username", "ada")).header("Retry-After")).contains("900");
        client.post("/login", java.util.Map.of("username", "ada"));
        client.post("/login", java.util.Map.of("username", "ada"));
        assertThat(client.post("/login", java.util.Map.of("username", "ada")).header("Retry-After")).as("7th attempt: doubled").contains("1800");
        for (int i = 0; i < 30; i++) {
            client.post("/login", java.util.Map.of("username", "ada"));
        }
        assertThat(client.post("/login", java.util.Map.of("username", "ada")).header("Retry-After")).as("at most a day").contains("86400");
    }

    @Test
    void namesLimitsAndWindowsAreCheckedWhenMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Throttle.of("Login", 3, Duration.ofMinutes(1))).hasMessageContaining("lower-case name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Throttle.of("login", 0, Duration.ofMinutes(1))).hasMessageContaining("limit of 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Throttle.of("login", 3, Duration.ZERO)).hasMessageContaining("positive window");
    }
}
