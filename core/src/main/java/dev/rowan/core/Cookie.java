package dev.rowan.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A response cookie. Defaults are the safe ones: {@code Path=/}, {@code HttpOnly},
 * {@code SameSite=Lax}; {@code Secure} is added automatically on HTTPS requests.
 *
 * <pre>{@code
 * ctx.cookie(Cookie.of("theme", "dark").withMaxAge(Duration.ofDays(365)));
 * }</pre>
 */
public record Cookie(String name, String value, Optional<Duration> maxAge, String path, Optional<String> domain,
                     boolean secure, boolean httpOnly, SameSite sameSite) {

    /** The SameSite attribute. */
    public enum SameSite { STRICT, LAX, NONE }

    public Cookie {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(sameSite, "sameSite");
        requireToken(name, "name");
        requireValue(value);
        requireAttribute(path, "path");
        domain.ifPresent(d -> requireAttribute(d, "domain"));
    }

    public static Cookie of(String name, String value) {
        return new Cookie(name, value, Optional.empty(), "/", Optional.empty(), false, true, SameSite.LAX);
    }

    /** A cookie that tells the browser to forget {@code name}. */
    public static Cookie expired(String name) {
        return of(name, "").withMaxAge(Duration.ZERO);
    }

    public Cookie withMaxAge(Duration age) {
        return new Cookie(name, value, Optional.of(age), path, domain, secure, httpOnly, sameSite);
    }

    public Cookie withPath(String p) {
        return new Cookie(name, value, maxAge, p, domain, secure, httpOnly, sameSite);
    }

    public Cookie withDomain(String d) {
        return new Cookie(name, value, maxAge, path, Optional.of(d), secure, httpOnly, sameSite);
    }

    public Cookie withSecure(boolean s) {
        return new Cookie(name, value, maxAge, path, domain, s, httpOnly, sameSite);
    }

    public Cookie withHttpOnly(boolean h) {
        return new Cookie(name, value, maxAge, path, domain, secure, h, sameSite);
    }

    public Cookie withSameSite(SameSite s) {
        return new Cookie(name, value, maxAge, path, domain, secure || s == SameSite.NONE, httpOnly, s);
    }

    /** The {@code Set-Cookie} header value. */
    public String toHeader(boolean forceSecure) {
        var sb = new StringBuilder(64).append(name).append('=').append(value).append("; Path=").append(path);
        domain.ifPresent(d -> sb.append("; Domain=").append(d));
        maxAge.ifPresent(a -> {
            sb.append("; Max-Age=").append(Math.max(0, a.toSeconds()));
            if (a.isZero()) {
                sb.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
            }
        });
        if (secure || forceSecure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        sb.append("; SameSite=").append(switch (sameSite) {
            case STRICT -> "Strict";
            case LAX -> "Lax";
            case NONE -> "None";
        });
        return sb.toString();
    }

    private static void requireToken(String s, String what) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("A cookie " + what + " must not be empty");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("Cookie " + what + " '" + s + "' contains '" + c + "', which cookies do not allow");
            }
        }
    }

    private static void requireValue(String s) {
        Objects.requireNonNull(s, "value");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("Cookie values may not contain '" + c
                        + "'; encode the value first (for example with URLEncoder or Base64)");
            }
        }
    }

    private static void requireAttribute(String s, String what) {
        if (s.indexOf(';') >= 0 || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("Cookie " + what + " '" + s + "' contains ';' or a control character");
        }
    }
}
