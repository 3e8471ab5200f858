package dev.rowan.auth;

import dev.rowan.auth.spi.PasswordHasher;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Django's storage format, read and written: stored passwords of a Django project log in unchanged. */
class PasswordsTest {
    private static final String PASSWORD = "correct horse battery staple";
    /** Made by Django 3.2.25's own hashers (django.contrib.auth.hashers) from PASSWORD; the first is also in Django's test suite. */
    private static final String DJANGO_PBKDF2_SHA256 = "pbkdf2_sha256$1000000$abcdefghijklmnopqrstuv$ESUkIq3XvMIs+R/ZmdQSkE1EDQIVk18SzognBfgBuPQ=";
    private static final String DJANGO_PBKDF2_SHA256_260K = "pbkdf2_sha256$260000$SaltSaltSaltSaltSaltSa$tJ6XpymdMC/veVXxEpp9rD7BvHWXNBy+BXmMLCoLmbs=";
    private static final String DJANGO_PBKDF2_SHA1 = "pbkdf2_sha1$260000$abcdefghijklmnopqrstuv$1FdwWktOQbZXzZizLea5IrxbgnU=";
    private static final String DJANGO_ARGON2ID = "argon2$argon2id$v=19$m=102400,t=2,p=8$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$Y+03n1Urqkyw+v6Iy7dVxA";
    private static final String DJANGO_BCRYPT_SHA256 = "bcrypt_sha256$$2b$12$Sju64ASiIbB6H4DjyMcJCeVdwmprSQfew7OegQW7ElOeC/lrVFTyS";
    /** Django's scrypt layout (n$salt$r$p$hash, 64-byte hash), computed by Python's hashlib.scrypt as Django's hasher calls it. */
    private static final String PYTHON_SCRYPT = "scrypt$16384$abcdefghijklmnopqrstuv$8$5$"
            + "0x1euWQz3QqrUM8IkOPN/T1sMJMcuGOUkELzaC9B0usV7G4g73yHSeW5n40Lj4Pc+G1YRkJ7RuZcBwfNQRIxhg==";

    private static final Passwords DEFAULTS = Passwords.defaults();

    @Test
    void everyHashDjangoMadeVerifies() {
        for (String stored : List.of(DJANGO_PBKDF2_SHA256, DJANGO_PBKDF2_SHA256_260K, DJANGO_PBKDF2_SHA1, DJANGO_ARGON2ID,
                DJANGO_BCRYPT_SHA256, PYTHON_SCRYPT)) {
            assertThat(DEFAULTS.verify(PASSWORD, stored).matches()).as(stored).isTrue();
        }
    }

    @Test
    void aWrongPasswordDoesNotVerifyInAnyFormat() {
        for (String stored : List.of(DJANGO_PBKDF2_SHA256_260K, DJANGO_PBKDF2_SHA1, DJANGO_BCRYPT_SHA256, PYTHON_SCRYPT)) {
            assertThat(DEFAULTS.verify("correct horse battery stapler", stored).matches()).as(stored).isFalse();
        }
        assertThat(DEFAULTS.verify("", DJANGO_PBKDF2_SHA256_260K).matches()).isFalse();
    }

    @Test
    void anOlderAlgorithmOrWorkFactorComesBackRehashedWithTheDefault() {
        Passwords.Verification older = DEFAULTS.verify(PASSWORD, DJANGO_PBKDF2_SHA256_260K);
        assertThat(older.matches()).isTrue();
        assertThat(older.rehashed()).hasValueSatisfying(h -> {
            assertThat(h).startsWith("pbkdf2_sha256$1200000$");
            assertThat(DEFAULTS.verify(PASSWORD, h)).isEqualTo(new Passwords.Verification(true, java.util.Optional.empty()));
        });
        assertThat(DEFAULTS.verify(PASSWORD, DJANGO_BCRYPT_SHA256).rehashed()).hasValueSatisfying(h -> assertThat(h).startsWith("pbkdf2_sha256$"));
        assertThat(DEFAULTS.verify("wrong", DJANGO_PBKDF2_SHA256_260K).rehashed()).isEmpty();
    }

    @Test
    void newHashesAreDjangosDefaultAndSaltedFreshEachTime() {
        String a = DEFAULTS.hash(PASSWORD);
        String b = DEFAULTS.hash(PASSWORD);
        assertThat(a).matches("pbkdf2_sha256\\$1200000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}=").isNotEqualTo(b);
    }

    @Test
    void eachHasherRoundTripsAndKnowsItsOwnWorkFactor() {
        List<PasswordHasher> cheap = List.of(Hashers.pbkdf2Sha256(1000), Hashers.argon2(64, 1, 1), Hashers.bcryptSha256(4),
                Hashers.scrypt(16, 1, 1));
        List<PasswordHasher> dearer = List.of(Hashers.pbkdf2Sha256(2000), Hashers.argon2(128, 1, 1), Hashers.bcryptSha256(5),
                Hashers.scrypt(32, 1, 1));
        for (int i = 0; i < cheap.size(); i++) {
            PasswordHasher h = cheap.get(i);
            String stored = h.encode("pässwörd ✓ 密码", h.salt());
            assertThat(stored).startsWith(h.algorithm() + "$");
            assertThat(h.verify("pässwörd ✓ 密码", stored)).as(stored).isTrue();
            assertThat(h.verify("passwort", stored)).as(stored).isFalse();
            assertThat(h.mustUpdate(stored)).as(stored).isFalse();
            assertThat(dearer.get(i).mustUpdate(stored)).as(stored).isTrue();
            assertThat(dearer.get(i).verify("pässwörd ✓ 密码", stored)).as("the stored work factor is used, not the hasher's").isTrue();
        }
    }

    @Test
    void bcryptSha256HashesPasswordsLongerThanBcryptsLimit() {
        PasswordHasher h = Hashers.bcryptSha256(4);
        String base = "x".repeat(80);
        String stored = h.encode(base + "1", "");
        assertThat(h.verify(base + "1", stored)).isTrue();
        assertThat(h.verify(base + "2", stored)).as("bytes past 72 still count").isFalse();
    }

    @Test
    void unusableAndMalformedStoredFormsNeverMatchAndNeverThrow() {
        String unusable = DEFAULTS.unusable();
        assertThat(unusable).startsWith("!").hasSize(41);
        assertThat(Passwords.isUsable(unusable)).isFalse();
        assertThat(Passwords.isUsable("")).isFalse();
        Passwords cheap = Passwords.of(Hashers.pbkdf2Sha256(1000), Hashers.argon2(64, 1, 1), Hashers.bcryptSha256(4), Hashers.scrypt(16, 1, 1));
        for (String stored : List.of(unusable, "", "$", "pbkdf2_sha256", "pbkdf2_sha256$", "pbkdf2_sha256$abc$salt$hash",
                "pbkdf2_sha256$-5$salt$hash", "pbkdf2_sha256$99999999999$salt$hash", "pbkdf2_sha256$999999999$salt$hash", "pbkdf2_sha256$1000$salt", "md5$salt$hash",
                "argon2$argon2id$v=19$m=999999999,t=2,p=8$c2FsdHNhbHQ$aGFzaA", "argon2$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                "argon2$argon2id$v=19$m=64,t=1,p=1$%%%$%%%", "argon2$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$",
                "bcrypt_sha256$$2b$99$Sju64ASiIbB6H4DjyMcJCeVdwmprSQfew7OegQW7ElOeC/lrVFTyS", "bcrypt_sha256$$2b$12$short",
                "scrypt$3$salt$8$5$aGFzaA==", "scrypt$1048576$salt$64$5$aGFzaA==", "scrypt$16$salt$1$1$%%%", "scrypt$16$salt$1$1$aGFzaA==")) {
            assertThat(cheap.verify(PASSWORD, stored).matches()).as(stored).isFalse();
        }
    }

    @Test
    void aLoginForAnUnknownUserOrABrokenHashCostsOneHashAsAWrongPasswordDoes() {
        var counted = new Counting(Hashers.pbkdf2Sha256(1000));
        Passwords passwords = Passwords.of(counted);
        String stored = passwords.hash(PASSWORD);
        passwords.verifyForUnknownUser(PASSWORD);   // warms the dummy hash
        counted.verifications.set(0);

        assertThat(passwords.verify("wrong", stored).matches()).isFalse();
        assertThat(passwords.verifyForUnknownUser(PASSWORD)).isFalse();
        assertThat(passwords.verify(PASSWORD, "!unusable").matches()).isFalse();
        assertThat(passwords.verify(PASSWORD, "md5$salt$hash").matches()).isFalse();
        assertThat(counted.verifications).as("one hash each").hasValue(4);
    }

    @Test
    void workFactorsOutsideSaneBoundsAreRefusedWhenConfigured() {
        assertThatThrownBy(() -> Hashers.pbkdf2Sha256(0)).hasMessageContaining("at least one iteration");
        assertThatThrownBy(() -> Hashers.bcryptSha256(31)).hasMessageContaining("4 to 20");
        assertThatThrownBy(() -> Hashers.scrypt(1000, 8, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> Hashers.argon2(4, 1, 1)).hasMessageContaining("8 KiB per lane");
    }

    /** Counts verifications, to prove the cost of each path without a clock. */
    private static final class Counting implements PasswordHasher {
        final AtomicInteger verifications = new AtomicInteger();
        private final PasswordHasher inner;

        Counting(PasswordHasher inner) {
            this.inner = inner;
        }

        @Override
        public String algorithm() {
            return inner.algorithm();
        }

        @Override
        public String salt() {
            return inner.salt();
        }

        @Override
        public String encode(String password, String salt) {
            return inner.encode(password, salt);
        }

        @Override
        public boolean verify(String password, String encoded) {
            verifications.incrementAndGet();
            return inner.verify(password, encoded);
        }

        @Override
        public boolean mustUpdate(String encoded) {
            return inner.mustUpdate(encoded);
        }
    }
}
