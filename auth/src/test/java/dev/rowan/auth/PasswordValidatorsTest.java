package dev.rowan.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Django's four password rules, with the messages a person reads. */
class PasswordValidatorsTest {
    private static final Map<String, String> ADA = Map.of("username", "ada", "first_name", "Ada", "last_name", "Lovelace",
            "email", "ada.lovelace@example.com");
    private static final PasswordValidators DEFAULTS = PasswordValidators.defaults();

    @Test
    void aGoodPasswordPassesEveryRule() {
        assertThat(DEFAULTS.check("correct horse battery staple", ADA)).isEmpty();
        assertThat(DEFAULTS.check("Tr0ub4dor&3-violet", Map.of())).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(DEFAULTS.check("1234567", ADA)).containsExactly(
                "This password is too short. It must contain at least 8 characters.",
                "This password is too common.",
                "This password is entirely numeric.");
    }

    @Test
    void theTwentyThousandMostCommonPasswordsAreRefusedWithoutRegardToCaseOrSpaces() {
        for (String common : List.of("password", "PASSWORD", " qwerty ", "iloveyou", "dragon", "letmein", "sunshine1")) {
            assertThat(DEFAULTS.check(common, Map.of())).as(common).contains("This password is too common.");
        }
        assertThat(dev.rowan.auth.internal.validators.CommonPasswordsAccess.size()).isEqualTo(20_000);
        assertThat(DEFAULTS.check("violet-kettle-42", Map.of())).isEmpty();
    }

    @Test
    void similarityToTheUsersNamesAndEmailIsMeasuredAsDjangoDoes() {
        // Expected answers from Python's difflib, as Django's UserAttributeSimilarityValidator computes them.
        assertThat(DEFAULTS.check("adalovelace1", ADA)).contains("The password is too similar to the last name.");
        assertThat(DEFAULTS.check("lovelace", ADA)).contains("The password is too similar to the last name.");
        assertThat(DEFAULTS.check("example2024", ADA)).contains("The password is too similar to the email.");
        assertThat(PasswordValidators.similarTo(List.of("username"), 0.7).validate("adaada", Map.of("username", "ada"))).isEmpty();
        assertThat(PasswordValidators.similarTo(List.of("username"), 0.7).validate("x".repeat(40), Map.of("username", "ab"))).isEmpty();
        assertThat(PasswordValidators.similarTo(List.of("username"), 0.7).validate("Ada123!", Map.of("username", "Ada"))).isEmpty();
        assertThat(PasswordValidators.similarTo(List.of("username"), 0.7).validate("anything", Map.of())).as("no attributes").isEmpty();
    }

    @Test
    void lengthCountsCharactersNotBytesOrUtf16Units() {
        PasswordValidator eight = PasswordValidators.minimumLength(8);
        assertThat(eight.validate("🔑🔑🔑🔑🔑🔑🔑", Map.of())).as("7 emoji are 14 UTF-16 units").isPresent();
        assertThat(eight.validate("🔑🔑🔑🔑🔑🔑🔑🔑", Map.of())).isEmpty();
        assertThat(PasswordValidators.minimumLength(1).validate("", Map.of())).contains("This password is too short. It must contain at least 1 character.");
        assertThatThrownBy(() -> PasswordValidators.minimumLength(0)).hasMessageContaining("at least 1");
    }

    @Test
    void anAppAddsItsOwnRule() {
        PasswordValidator noSeason = (password, user) -> password.toLowerCase().contains("summer")
                ? Optional.of("This password names a season.") : Optional.empty();
        assertThat(DEFAULTS.and(noSeason).check("Summer-violet-kettle", ADA)).containsExactly("This password names a season.");
    }
}
