package dev.rowan.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reset tokens Django 3.2.25's PasswordResetTokenGenerator made, made and checked the same here. */
class PasswordResetTokensTest {
    private static final String SECRET = "rowan-interop-test-secret-key-0123456789";
    private static final String HASH = "pbkdf2_sha256$1000000$abcdefghijklmnopqrstuv$ESUkIq3XvMIs+R/ZmdQSkE1EDQIVk18SzognBfgBuPQ=";
    /** Django's tokens for these accounts at 2026-12-07 20:00:00 UTC (818,366,400 s after 2001-01-01). */
    private static final Instant MADE = Instant.parse("2026-12-07T20:00:00Z");
    private static final PasswordResetTokens.Account ADA = new PasswordResetTokens.Account("42", HASH,
            Optional.of(Instant.parse("2026-12-07T19:40:05.123456Z")), "ada@example.com");
    private static final String DJANGO_TOKEN_ADA = "dj8fk0-ea19af254132926c74f4a35c2f50cadd";
    private static final PasswordResetTokens.Account NEVER_LOGGED_IN = new PasswordResetTokens.Account("42", HASH, Optional.empty(), "");
    private static final String DJANGO_TOKEN_NEVER_LOGGED_IN = "dj8fk0-401bae00886e5c30f4b769d53246848b";

    private static PasswordResetTokens at(Instant now) {
        return PasswordResetTokens.of(SECRET).withClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void tokensAreDjangosByteForByte() {
        assertThat(at(MADE).make(ADA)).isEqualTo(DJANGO_TOKEN_ADA);
        assertThat(at(MADE).make(NEVER_LOGGED_IN)).isEqualTo(DJANGO_TOKEN_NEVER_LOGGED_IN);
        assertThat(at(MADE.plusSeconds(3600)).check(ADA, DJANGO_TOKEN_ADA)).isTrue();
        assertThat(at(MADE).check(NEVER_LOGGED_IN, DJANGO_TOKEN_NEVER_LOGGED_IN)).isTrue();
    }

    @Test
    void aTokenEndsWhenThePasswordChangesTheUserLogsInOrTheTimeoutPasses() {
        var newPassword = new PasswordResetTokens.Account("42", HASH + "x", ADA.lastLogin(), ADA.email());
        var loggedInSince = new PasswordResetTokens.Account("42", HASH, Optional.of(Instant.parse("2026-12-07T21:00:00Z")), ADA.email());
        var otherUser = new PasswordResetTokens.Account("43", HASH, ADA.lastLogin(), ADA.email());
        assertThat(at(MADE).check(newPassword, DJANGO_TOKEN_ADA)).isFalse();
        assertThat(at(MADE).check(loggedInSince, DJANGO_TOKEN_ADA)).isFalse();
        assertThat(at(MADE).check(otherUser, DJANGO_TOKEN_ADA)).isFalse();
        assertThat(at(MADE.plus(Duration.ofDays(3))).check(ADA, DJANGO_TOKEN_ADA)).as("exactly 3 days: still valid, as in Django").isTrue();
        assertThat(at(MADE.plus(Duration.ofDays(3)).plusSeconds(1)).check(ADA, DJANGO_TOKEN_ADA)).isFalse();
        assertThat(at(MADE).withTimeout(Duration.ofHours(1)).check(ADA, at(MADE.minusSeconds(3601)).make(ADA))).isFalse();
    }

    @Test
    void anotherKeyOrAMalformedTokenIsRefusedAndAnOldKeyStillChecks() {
        assertThat(PasswordResetTokens.of("another-secret").withClock(Clock.fixed(MADE, ZoneOffset.UTC)).check(ADA, DJANGO_TOKEN_ADA)).isFalse();
        assertThat(PasswordResetTokens.of("the-new-key", SECRET).withClock(Clock.fixed(MADE, ZoneOffset.UTC)).check(ADA, DJANGO_TOKEN_ADA)).isTrue();
        for (String junk : new String[] {"", "-", "dj8fk0", "dj8fk0-", "DJ8FK0-ea19af254132926c74f4a35c2f50cadd", "zzzzzzzzzzzzzzzz-ab",
                "dj8fk0-ea19af254132926c74f4a35c2f50cadd-x", "dj8fk0-EA19AF254132926C74F4A35C2F50CADD"}) {
            assertThat(at(MADE).check(ADA, junk)).as(junk).isFalse();
        }
    }
}
