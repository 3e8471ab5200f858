package dev.rowan.auth;

import dev.rowan.auth.internal.SaltedHmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Password-reset tokens in Django's format ({@code PasswordResetTokenGenerator}): a link a Django
 * app emailed still works after the move to Rowan, and the other way round. Nothing is stored: a
 * token is an HMAC of the account's id, password hash, last login, email and the time it was made,
 * so it stops working once the password changes or the user logs in, and after {@code timeout}
 * (Django's {@code PASSWORD_RESET_TIMEOUT}, 3 days by default).
 *
 * <pre>{@code
 * PasswordResetTokens tokens = PasswordResetTokens.of(secretKey);
 * var account = new PasswordResetTokens.Account("42", user.passwordHash(), user.lastLogin(), user.email());
 * String token = tokens.make(account);        // "dj8fk0-ea19af254132926c74f4a35c2f50cadd", for the emailed link
 * boolean ok = tokens.check(account, token);  // when the link is followed
 * }</pre>
 */
public final class PasswordResetTokens {
    /** Django's default {@code PASSWORD_RESET_TIMEOUT}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(3);
    private static final String KEY_SALT = "django.contrib.auth.tokens.PasswordResetTokenGenerator";
    private static final Instant EPOCH_2001 = Instant.parse("2001-01-01T00:00:00Z");
    private static final DateTimeFormatter PYTHON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<String> secrets;
    private final Duration timeout;
    private final Clock clock;

    private PasswordResetTokens(List<String> secrets, Duration timeout, Clock clock) {
        if (secrets.isEmpty() || secrets.getFirst().isEmpty()) {
            throw new IllegalArgumentException("Reset tokens need the secret key (the Django app's SECRET_KEY, to share its links)");
        }
        this.secrets = List.copyOf(secrets);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Tokens signed with {@code secret}, valid for 3 days; {@code fallbacks} are old keys whose tokens still check. */
    public static PasswordResetTokens of(String secret, String... fallbacks) {
        var all = new java.util.ArrayList<String>();
        all.add(secret);
        all.addAll(List.of(fallbacks));
        return new PasswordResetTokens(all, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    public PasswordResetTokens withTimeout(Duration timeout) {
        return new PasswordResetTokens(secrets, timeout, clock);
    }

    public PasswordResetTokens withClock(Clock clock) {
        return new PasswordResetTokens(secrets, timeout, clock);
    }

    /**
     * What a token is made from. {@code lastLogin} is the user's last login in UTC, empty if never;
     * {@code email} may be empty.
     */
    public record Account(String id, String passwordHash, Optional<Instant> lastLogin, String email) {
    }

    /** A token for the account, made now. */
    public String make(Account account) {
        return token(account, secondsSince2001(clock.instant()), secrets.getFirst());
    }

    /** True when {@code token} was made for the account as it is now, with one of the keys, within the timeout. */
    public boolean check(Account account, String token) {
        int dash = token.indexOf('-');
        if (dash <= 0 || dash > 13 || token.indexOf('-', dash + 1) >= 0) {
            return false;
        }
        Optional<Long> made = base36(token.substring(0, dash));
        if (made.isEmpty()) {
            return false;
        }
        boolean signed = false;
        for (String secret : secrets) {
            signed |= MessageDigest.isEqual(token(account, made.get(), secret).getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII));
        }
        long age = secondsSince2001(clock.instant()) - made.get();
        return signed && age <= timeout.toSeconds();
    }

    private static String token(Account a, long timestamp, String secret) {
        String lastLogin = a.lastLogin().map(t -> LocalDateTime.ofInstant(t, ZoneOffset.UTC).withNano(0).format(PYTHON_DATETIME)).orElse("");
        String value = a.id() + a.passwordHash() + lastLogin + timestamp + a.email();
        String hex = HexFormat.of().formatHex(SaltedHmac.sha256(KEY_SALT, value, secret));
        var everyOther = new StringBuilder(hex.length() / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            everyOther.append(hex.charAt(i));
        }
        return Long.toString(timestamp, 36) + "-" + everyOther;
    }


    private static long secondsSince2001(Instant now) {
        return Duration.between(EPOCH_2001, now).toSeconds();
    }

    private static Optional<Long> base36(String text) {
        if (!text.matches("[0-9a-z]{1,13}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text, 36));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
