package dev.rowan.auth;

import dev.rowan.auth.internal.validators.CommonPasswords;
import dev.rowan.auth.internal.validators.Similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a new password is checked against, Django's four by default: not too similar to the
 * user's name or email, at least 8 characters, not among the 20,000 most common passwords, and not
 * all digits. Every rule runs, so the person sees every problem at once:
 *
 * <pre>{@code
 * List<String> problems = PasswordValidators.defaults().check("password1", Map.of("username", "ada"));
 * // ["This password is too common."]
 * }</pre>
 */
public final class PasswordValidators {
    private final List<PasswordValidator> rules;

    private PasswordValidators(List<PasswordValidator> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Similarity to {@code username}, {@code first_name}, {@code last_name} and {@code email}; 8 characters; common; numeric. */
    public static PasswordValidators defaults() {
        return of(similarTo(List.of("username", "first_name", "last_name", "email"), 0.7), minimumLength(8), common(), numeric());
    }

    public static PasswordValidators of(PasswordValidator... rules) {
        return new PasswordValidators(List.of(rules));
    }

    /** These rules and {@code more}. */
    public PasswordValidators and(PasswordValidator... more) {
        var all = new ArrayList<>(rules);
        all.addAll(List.of(more));
        return new PasswordValidators(all);
    }

    /** Every problem, in the rules' order; empty when the password passes them all. */
    public List<String> check(String password, Map<String, String> userAttributes) {
        var problems = new ArrayList<String>();
        for (PasswordValidator rule : rules) {
            rule.validate(password, userAttributes).ifPresent(problems::add);
        }
        return problems;
    }

    /** At least {@code length} characters. */
    public static PasswordValidator minimumLength(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("A minimum length is at least 1");
        }
        return (password, user) -> password.codePointCount(0, password.length()) >= length ? Optional.empty()
                : Optional.of("This password is too short. It must contain at least " + length + (length == 1 ? " character." : " characters."));
    }

    /** Not one of the 20,000 most common passwords (compared without case and surrounding spaces). */
    public static PasswordValidator common() {
        return (password, user) -> CommonPasswords.contains(password) ? Optional.of("This password is too common.") : Optional.empty();
    }

    /** Not made of digits only. */
    public static PasswordValidator numeric() {
        return (password, user) -> !password.isEmpty() && password.chars().allMatch(Character::isDigit)
                ? Optional.of("This password is entirely numeric.") : Optional.empty();
    }

    /**
     * Not too similar to one of the user's attributes (or a word of it: the parts of {@code ada.lovelace@example.com}),
     * as Django measures it: similarity {@code maxSimilarity} (0.1 to 1) or more is refused.
     */
    public static PasswordValidator similarTo(List<String> attributes, double maxSimilarity) {
        if (maxSimilarity < 0.1 || maxSimilarity > 1) {
            throw new IllegalArgumentException("The largest similarity allowed is 0.1 to 1 (Django's default: 0.7)");
        }
        return (password, user) -> attributes.stream()
                .filter(a -> user.containsKey(a) && !user.get(a).isBlank())
                .filter(a -> Similarity.tooSimilar(password, user.get(a), maxSimilarity))
                .findFirst()
                .map(a -> "The password is too similar to the " + a.replace('_', ' ') + ".");
    }
}
