package dev.rowan.auth;

import java.util.Map;
import java.util.Optional;

/**
 * One rule a new password must meet, with the message a person reads when it does not. Rowan's
 * rules are in {@link PasswordValidators}; an app adds its own as a lambda:
 *
 * <pre>{@code
 * PasswordValidator noSeason = (password, user) -> password.toLowerCase().matches(".*(spring|summer|autumn|winter).*")
 *         ? Optional.of("This password names a season; choose one that is harder to guess.")
 *         : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface PasswordValidator {
    /**
     * The problem with {@code password}, or empty when it passes.
     *
     * @param userAttributes what is known of the user (such as {@code username}, {@code email},
     *                       {@code first_name}); may be empty, for a user not created yet
     */
    Optional<String> validate(String password, Map<String, String> userAttributes);
}
