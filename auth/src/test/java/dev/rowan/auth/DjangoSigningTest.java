package dev.rowan.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Values Django 3.2.25's own django.core.signing and salted_hmac made, read and written byte for byte. */
class DjangoSigningTest {
    private static final String SECRET = "rowan-interop-test-secret-key-0123456789";
    private static final String SESSION_COOKIE = ".eJxVTksKgzAQvUvWEuKoMXHZfU9QioyZSWOtCjGuSu9eAy7a1eN9eW_R455Cv28c-5FEJ0pR_GoDuomXbNATl8cq3bqkOA4yR-"
            + "TpbvK6Er8uZ_ZvIOAWjrbRGsm4xmq0rOAAao1XyqCyXpvS1qwRPFTYaGrJ1Krl2qMHbMDCkF-lwDPnIxingzqMSXS3soCiun--3SZAJQ:1xaXyP:"
            + "6AlMm9SJjsKGHz8VbwjWArXMOTC0TrsZ_SX1iW7SI-w";
    private static final String SESSION_JSON = "{\"_auth_user_id\":\"1\",\"_auth_user_backend\":\"django.contrib.auth.backends.ModelBackend\","
            + "\"_auth_user_hash\":\"866ad8c596a9e0296ad78f008a09f68194e6a2f23a56d7d8407e4faf2a5292b1\",\"theme\":\"dark\",\"cart\":[1,2,3]}";
    private static final String SIGNED_VALUE = "eyJhIjoxLCJiIjoiXHUwMGZjIn0:1xaXyP:t30c-LBYIg1XwFHwj9innitQyDXcl3EB_bNEq5y0Cac";
    private static final String PASSWORD_HASH = "pbkdf2_sha256$1000000$abcdefghijklmnopqrstuv$ESUkIq3XvMIs+R/ZmdQSkE1EDQIVk18SzognBfgBuPQ=";
    /** When Django made them: the timestamp after the first colon, base62 "1xaXyP". */
    private static final Instant MADE = Instant.ofEpochSecond(DjangoSigning.unbase62("1xaXyP").orElseThrow());
    private static final DjangoSigning DJANGO = DjangoSigning.withSecret(SECRET).withClock(Clock.fixed(MADE, ZoneOffset.UTC));

    @Test
    void aSessionCookieDjangoSignedIsReadAndWrittenIdentically() {
        assertThat(DJANGO.loads(SESSION_COOKIE, DjangoSigning.SESSION_SALT, Duration.ofDays(14))).contains(SESSION_JSON);
        assertThat(DJANGO.dumps(SESSION_JSON, DjangoSigning.SESSION_SALT, true)).isEqualTo(SESSION_COOKIE);
    }

    @Test
    void anUncompressedSignedValueIsReadAndWrittenIdentically() {
        assertThat(DJANGO.loads(SIGNED_VALUE, "rowan.interop", Duration.ofDays(1))).contains("{\"a\":1,\"b\":\"\\u00fc\"}");
        assertThat(DJANGO.dumps("{\"a\":1,\"b\":\"\\u00fc\"}", "rowan.interop", false)).isEqualTo(SIGNED_VALUE);
        // JSON text with the character itself is written as Django writes it: ASCII, the character escaped.
        assertThat(DJANGO.dumps("{\"a\":1,\"b\":\"ü\"}", "rowan.interop", false)).isEqualTo(SIGNED_VALUE);
    }

    @Test
    void theSessionAuthHashIsDjangos() {
        assertThat(DJANGO.sessionAuthHash(PASSWORD_HASH)).isEqualTo("866ad8c596a9e0296ad78f008a09f68194e6a2f23a56d7d8407e4faf2a5292b1");
    }

    @Test
    void aWrongKeySaltOrTamperedValueOrOldValueIsRefused() {
        DjangoSigning otherKey = DjangoSigning.withSecret("another-secret").withClock(Clock.fixed(MADE, ZoneOffset.UTC));
        assertThat(otherKey.loads(SESSION_COOKIE, DjangoSigning.SESSION_SALT, Duration.ofDays(14))).isEmpty();
        assertThat(DJANGO.loads(SESSION_COOKIE, "another.salt", Duration.ofDays(14))).isEmpty();
        assertThat(DJANGO.loads(SIGNED_VALUE.replace("eyJh", "eyJi"), "rowan.interop", Duration.ofDays(1))).isEmpty();
        DjangoSigning aMonthLater = DjangoSigning.withSecret(SECRET).withClock(Clock.fixed(MADE.plus(Duration.ofDays(30)), ZoneOffset.UTC));
        assertThat(aMonthLater.loads(SESSION_COOKIE, DjangoSigning.SESSION_SALT, Duration.ofDays(14))).isEmpty();
        for (String junk : new String[] {"", ":", "::", "a:b:c", ".!!!:1xaXyP:x", SESSION_COOKIE + "x"}) {
            assertThat(DJANGO.loads(junk, DjangoSigning.SESSION_SALT, Duration.ofDays(14))).as(junk).isEmpty();
        }
    }

    @Test
    void aRotatedKeyStillVerifiesAsAFallback() {
        DjangoSigning rotated = DjangoSigning.withSecret("the-new-secret", SECRET).withClock(Clock.fixed(MADE, ZoneOffset.UTC));
        assertThat(rotated.loads(SESSION_COOKIE, DjangoSigning.SESSION_SALT, Duration.ofDays(14))).contains(SESSION_JSON);
        assertThat(rotated.dumps("{}", DjangoSigning.SESSION_SALT, false)).isNotEqualTo(DJANGO.dumps("{}", DjangoSigning.SESSION_SALT, false));
    }
}
